package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escapesEveryCharacterThatCanEndTextOrAnAttribute() {
    assertThat(HtmlText.escape("<a href=\"x\" onload='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; onload=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void replacesControlCharactersAndLoneSurrogatesThatXmlForbids() {
    assertThat(HtmlText.escape("a\u0000b\u001bc\ud800d\n")).isEqualTo("a b c\uFFFDd\n");
    assertThat(HtmlText.escape("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void slugKeepsOnlyLettersDigitsAndDashes() {
    assertThat(HtmlText.slug("Function `x\"><script>` (1, eu-west-1)")).isEqualTo("function-x-script-1-eu-west-1");
  }
}
