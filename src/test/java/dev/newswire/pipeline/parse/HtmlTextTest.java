package dev.newswire.pipeline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  private final HtmlText html = new HtmlText();

  @Test
  void stripsTagsAndDecodesEntities() {
    assertThat(html.toText("<b>Caf&eacute;</b> &amp; <i>bar</i>&nbsp;&#8217;s")).isEqualTo("Café & bar ’s");
  }

  @Test
  void blockElementsBecomeLineBreaksAndWhitespaceCollapses() {
    assertThat(html.toText("<p>One\n   two</p>\n\n<p>Three</p><div>Four<br>Five</div><ul><li>a</li><li>b</li></ul>"))
        .isEqualTo("One two\nThree\nFour\nFive\na\nb");
  }

  @Test
  void lineFormJoinsBlocksWithSpaces() {
    assertThat(html.toLine("<h1>Title</h1><p>more</p>")).isEqualTo("Title more");
  }

  @Test
  void dropsScriptsAndStyles() {
    assertThat(html.toText("<style>p{}</style><script>alert(1)</script>Visible")).isEqualTo("Visible");
  }

  @Test
  void nullAndBlankGiveEmpty() {
    assertThat(html.toText(null)).isEmpty();
    assertThat(html.toText("  \n ")).isEmpty();
  }

  @Test
  void plainTextKeepsAngleBracketsLiteral() {
    assertThat(html.plainLine("a <b> c\n d")).isEqualTo("a <b> c d");
    assertThat(html.toText("x < y and y > z")).isEqualTo("x < y and y > z");
  }
}
