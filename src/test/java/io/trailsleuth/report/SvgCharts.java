package io.trailsleuth.report;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/** Test helper: every inline SVG chart of an HTML page, parsed as XML. */
final class SvgCharts {
  private SvgCharts() {}

  /** Parses every {@code <svg>} element as XML (throwing when one is not well formed) and returns how many there are. */
  static int parseAll(String html) throws Exception {
    Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
    int charts = 0;
    while (svg.find()) {
      charts++;
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg.group())));
    }
    return charts;
  }
}
