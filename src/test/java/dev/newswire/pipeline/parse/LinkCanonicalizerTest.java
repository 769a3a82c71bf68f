package dev.newswire.pipeline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkCanonicalizerTest {

  private final LinkCanonicalizer canonicalizer = new LinkCanonicalizer();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://example.com/a?utm_source=x&id=1&utm_medium=y | https://example.com/a?id=1",
      "https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=5&igshid=6 | https://example.com/a",
      "https://example.com/a?b=2&a=1&b=3 | https://example.com/a?b=2&a=1&b=3",
      "HTTPS://WWW.Example.COM/Path/To?Q=Keep | https://www.example.com/Path/To?Q=Keep",
      "https://example.com/a#section-2 | https://example.com/a",
      "http://example.com | http://example.com/",
      "http://example.com:80/x | http://example.com/x",
      "https://example.com:443/x | https://example.com/x",
      "https://example.com:8443/x | https://example.com:8443/x",
      "https://example.com/a?UTM_Source=x | https://example.com/a",
      "https://example.com/a?utm%5Fsource=x&k=v | https://example.com/a?k=v",
      "https://example.com/a%20b?q=%C3%A9 | https://example.com/a%20b?q=%C3%A9",
      "https://example.com/a b | https://example.com/a%20b",
      "  https://example.com/trim  | https://example.com/trim",
      "https://example.com/a?&&x=1& | https://example.com/a?x=1",
  })
  void canonicalizes(String in, String expected) {
    assertThat(canonicalizer.canonicalize(in)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "javascript:alert(1)", "mailto:a@example.com", "ftp://example.com/file", "/relative/path", "example.com/x",
      "http:///nohost", "NULL", "''"
  })
  void rejectsWhatIsNotAnAbsoluteHttpLink(String in) {
    assertThat(canonicalizer.canonicalize(in)).isNull();
  }

  @Test
  void keepsParametersThatMerelyLookSimilar() {
    assertThat(canonicalizer.canonicalize("https://example.com/?ref=home&source=rss&utm=1"))
        .isEqualTo("https://example.com/?ref=home&source=rss&utm=1");
  }
}
