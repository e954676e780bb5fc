import SendoutCore
import Testing

@Suite struct HTMLTextTests {
  @Test func markupInUntrustedTextIsShownAsText() {
    #expect(
      HTMLText.escape(#"<script>alert("x")</script> & 'q'"#)
        == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
    #expect(HTMLText.escape("a\u{0}b\u{1B}[31mc\td\ne") == "a\u{FFFD}b\u{FFFD}[31mc\td\ne")
    #expect(HTMLText.escape("żółw ✓") == "żółw ✓")
  }

  @Test func jsonInAScriptBlockCannotCloseIt() throws {
    let json = #"{"body":"</script><script>alert(1)</script><!--","amp":"a&b"}"#
    let safe = HTMLText.scriptJSON(json)
    #expect(!safe.contains("</") && !safe.contains("<!--") && !safe.contains("&"))
    #expect(try JSONParser.parse(Array(safe.utf8)) == JSONParser.parse(Array(json.utf8)), "the same JSON")
  }
}
