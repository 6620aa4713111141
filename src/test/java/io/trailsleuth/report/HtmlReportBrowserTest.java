package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the HTML report of sample-logs in real headless Chromium: it renders, logs no errors, and shows the chart. */
class HtmlReportBrowserTest {
  /** Where the screenshot is kept for people (and CI artifacts) to look at. */
  private static final Path KEPT = Path.of("target", "html-report");

  @TempDir
  static Path temp;

  private static Path chromium;
  private static Path page;

  @BeforeAll
  static void renderSampleLogs() throws Exception {
    chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(chromium != null, "chromium is not installed (.ci/run installs it)");
    page = temp.resolve("report.html");
    CliRun run = CliRun.of("investigate", "sample-logs", "-q", "--html", page.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void rendersWithoutConsoleErrorsOrBlockedResources() throws Exception {
    HeadlessChromium.Output output = HeadlessChromium.run(chromium, temp, page, "--dump-dom");

    assertThat(output.exitCode()).as(output.stderr()).isZero();
    assertThat(output.stderr().lines().filter(l -> l.contains("CONSOLE") || l.contains("Refused to")
        || l.contains("Uncaught") || l.contains("Content Security Policy"))).isEmpty();
    assertThat(output.stdout()).contains("<svg class=\"timeline\"").contains("Incident report")
        .doesNotContain("<script");
  }

  @Test
  void screenshotIsNotBlankAndShowsDeniedDecryptsInRed() throws Exception {
    Path screenshot = temp.resolve("report.png");
    HeadlessChromium.Output output = HeadlessChromium.run(chromium, temp, page, "--screenshot=" + screenshot,
        "--window-size=1280,4200");
    assertThat(output.exitCode()).as(output.stderr()).isZero();
    Files.createDirectories(KEPT);
    Files.copy(screenshot, KEPT.resolve("sample-logs.png"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(page, KEPT.resolve("sample-logs.html"), StandardCopyOption.REPLACE_EXISTING);

    BufferedImage image = ImageIO.read(screenshot.toFile());
    long inked = 0;
    long deniedRed = 0;
    int deniedTop = Integer.MAX_VALUE;
    int deniedBottom = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        int blue = rgb & 0xff;
        if (red < 235 || green < 235 || blue < 235) {
          inked++;
        }
        if (Math.abs(red - 0xd3) < 12 && Math.abs(green - 0x2f) < 12 && Math.abs(blue - 0x2f) < 12) {
          deniedRed++;
          deniedTop = Math.min(deniedTop, y);
          deniedBottom = Math.max(deniedBottom, y);
        }
      }
    }
    assertThat(inked).as("non-white pixels").isGreaterThan(image.getWidth() * (long) image.getHeight() / 50);
    assertThat(deniedRed).as("pixels in the denied-bar red").isGreaterThan(500);
    assertThat(deniedBottom - deniedTop).as("height of the red bars' region").isGreaterThan(20);
  }

  @Test
  void everyTableFitsItsBoxAt1024PixelsAndTheScreenshotIsKept() throws Exception {
    // a copy of the page with a probe script (the report itself forbids scripts): it lists the tables whose box would
    // have to scroll, and the box's right edge against the page's
    String probe = "<script>document.body.setAttribute('data-overflowing', Array.from(document.querySelectorAll("
        + "'div.table')).filter(box => box.scrollWidth > box.clientWidth + 1 || box.getBoundingClientRect().right"
        + " > document.querySelector('.page').getBoundingClientRect().right + 1).map(box => box.querySelector('th')"
        + ".textContent + ' (' + box.scrollWidth + ' > ' + box.clientWidth + ')').join('; '));</script>";
    String html = Files.readString(page, StandardCharsets.UTF_8).replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
        .replace("</body>", probe + "</body>");
    Path probed = temp.resolve("probed.html");
    Files.writeString(probed, html, StandardCharsets.UTF_8);

    HeadlessChromium.Output dom = HeadlessChromium.run(chromium, temp, probed, "--dump-dom", "--window-size=1024,3000");
    Path screenshot = temp.resolve("report-1024.png");
    HeadlessChromium.Output shot = HeadlessChromium.run(chromium, temp, page, "--screenshot=" + screenshot,
        "--window-size=1024,4200");

    assertThat(shot.exitCode()).as(shot.stderr()).isZero();
    Files.createDirectories(KEPT);
    Files.copy(screenshot, KEPT.resolve("sample-logs-1024.png"), StandardCopyOption.REPLACE_EXISTING);
    assertThat(dom.exitCode()).as(dom.stderr()).isZero();
    assertThat(dom.stdout()).as("tables wider than their box").contains("data-overflowing=\"\"");
  }

  @Test
  void pageIsSelfContained() throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);

    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import")
        .doesNotContainPattern("(src|href)=\"(https?:)?//").contains("@media print");
  }
}
