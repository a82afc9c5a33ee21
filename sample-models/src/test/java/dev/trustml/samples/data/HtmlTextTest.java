package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  private static String visible(String html) {
    return TextCleanup.collapseWhitespace(HtmlText.toPlainText(html));
  }

  @Test
  void blockTagsSeparateWordsInlineTagsDoNot() {
    assertEquals("one two", visible("one<br>two"));
    assertEquals("cell1 cell2", visible("<table><tr><td>cell1</td><td>cell2</td></tr></table>"));
    assertEquals("Viagra", visible("V<b></b>i<FONT color=red>a</FONT>gra"));
  }

  @Test
  void commentsScriptsAndStylesAreRemovedWithTheirContent() {
    assertEquals(
        "a b c",
        visible(
            "a<!-- hidden\ncomment --> b<SCRIPT type=x>var s = '<p>';</SCRIPT> c<style>x</style>"));
  }

  @Test
  void unclosedCommentLikeMarkupDoesNotSwallowTheRest() {
    assertEquals("Terrific!! Instantly", visible("<B><!--#rotate>Terrific!! Instantly"));
  }

  @Test
  void decodesNamedAndNumericCharacterReferences() {
    assertEquals(
        "<a> & \"q\" caf\u00E9 \u263A",
        visible("&lt;a&gt; &amp; &quot;q&quot; caf&#233; &#x263A;"));
    // WHATWG HTML maps numeric references 0x80-0x9F to windows-1252: 150 is an en dash.
    assertEquals("1\u20132", visible("1&#150;2"));
    assertEquals("\u00A9 2002", HtmlText.decodeEntities("&copy 2002"));
  }

  @Test
  void unknownOrInvalidReferencesAreKeptAsWritten() {
    assertEquals("&bogus; &#0; &#x110000;", HtmlText.decodeEntities("&bogus; &#0; &#x110000;"));
    assertEquals("AT&T", HtmlText.decodeEntities("AT&T"));
  }
}
