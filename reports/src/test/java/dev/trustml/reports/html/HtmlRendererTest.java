package dev.trustml.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.reports.Fixtures;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.Theoretical;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML report: well-formed, self-contained, escaped, with the charts a reviewer needs. */
class HtmlRendererTest {
  private static final String HOSTILE = "<script>alert('x')</script> & \"model\"";

  @Test
  void membershipReportIsWellFormedAndSelfContained() throws Exception {
    GateReport gate =
        GatePolicy.fromOptions(List.of("auc>0.6", "epsilon_lb>epsilon"))
            .evaluate(Fixtures.membership());
    String html = HtmlRenderer.render(Fixtures.membership(), gate);
    sample("membership.html", html);
    Document doc = parse(html);
    assertSelfContained(html);
    assertEquals("html", doc.getDocumentElement().getTagName());
    // The verdict comes first: the first element of the body is the coloured header.
    Element body = (Element) doc.getElementsByTagName("body").item(0);
    Element first = firstElement(body);
    assertEquals("header", first.getTagName());
    assertEquals("verdict bad", first.getAttribute("class"));
    assertTrue(first.getTextContent().contains("VIOLATED"));
    assertTrue(first.getTextContent().contains("lira-online shows epsilon >= 1.31"));
    assertTrue(html.contains("@media print"));
    assertTrue(html.contains("@media (max-width: 600px)"));
    assertTrue(html.contains("FAIL auc&gt;0.6: lira-online auc = 0.734 (limit 0.6)"));
  }

  @Test
  void headerNamesTheModelOnceAndRatesArePercentages() throws Exception {
    // The fixture's model is named "sentiment-dp" and lives at "models/sentiment-dp": the header
    // used to show both, so the name read twice. The path stays in the provenance footer.
    Document doc = parse(HtmlRenderer.render(Fixtures.membership()));
    String header = doc.getElementsByTagName("header").item(0).getTextContent();
    assertEquals(1, header.split("sentiment-dp", -1).length - 1, header);
    String footer = doc.getElementsByTagName("footer").item(0).getTextContent();
    assertTrue(footer.contains("models/sentiment-dp"), footer);
    // lira-online's TPR at 1% FPR is 0.121: printed as the CLI and the Markdown summary print it.
    String table = doc.getElementsByTagName("table").item(0).getTextContent();
    assertTrue(table.contains("12.10%"), table);
    assertFalse(table.contains("0.121"), table);
  }

  @Test
  void rocIsLogLogSvgWithACurvePerAttack() throws Exception {
    Document doc = parse(HtmlRenderer.render(Fixtures.membership()));
    Element roc = svgOfClass(doc, "roc");
    assertNotNull(roc, "no <svg class=\"roc\">");
    assertEquals("100%", roc.getAttribute("width"));
    assertEquals("0 0 560 440", roc.getAttribute("viewBox"));
    NodeList lines = roc.getElementsByTagName("polyline");
    assertEquals(2, lines.getLength(), "one curve per attack");
    // 1,000 non-members: the axes run from 10^-3 to 1 (three decades).
    String text = roc.getTextContent();
    for (String tick : new String[] {"10⁻³", "10⁻²", "10⁻¹", "1", "False positive rate"}) {
      assertTrue(text.contains(tick), tick + " missing from the axes");
    }
    assertFalse(text.contains("10⁻⁴"));
    // lira-online passes through (FPR 0.01, TPR 0.121): on a log axis from 10^-3 to 1 mapped to
    // x in [64, 544], FPR 0.01 is one third of the way: 64 + 480/3 = 224.
    List<double[]> pts = points((Element) lines.item(0));
    double[] at1pct =
        pts.stream().filter(p -> Math.abs(p[0] - 224) < 0.06).findFirst().orElseThrow();
    // y: 384 at 10^-3, 16 at 1; log10(0.121) = -0.9172 -> 384 - (3 - 0.9172) / 3 * 368.
    assertEquals(384 - (3 + Math.log10(0.121)) / 3 * 368, at1pct[1], 0.06);
    // The first point (0, 0) is clamped to the corner, not dropped.
    assertEquals(64, pts.get(0)[0], 1e-9);
    assertEquals(384, pts.get(0)[1], 1e-9);
    // The chance line runs corner to corner.
    Element chance = (Element) roc.getElementsByTagName("line").item(0);
    for (int i = 0; i < roc.getElementsByTagName("line").getLength(); i++) {
      Element l = (Element) roc.getElementsByTagName("line").item(i);
      if (l.getAttribute("class").equals("chance")) {
        chance = l;
        break;
      }
    }
    assertEquals("64.0", chance.getAttribute("x1"));
    assertEquals("384.0", chance.getAttribute("y1"));
    assertEquals("544.0", chance.getAttribute("x2"));
    assertEquals("16.0", chance.getAttribute("y2"));
  }

  @Test
  void histogramsAndEpsilonChart() throws Exception {
    Document doc = parse(HtmlRenderer.render(Fixtures.membership()));
    // Only lira-online recorded a histogram.
    assertEquals(1, svgsOfClass(doc, "histogram").size());
    Element h = svgsOfClass(doc, "histogram").get(0);
    NodeList rects = h.getElementsByTagName("rect");
    int bars = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      if (((Element) rects.item(i).getParentNode()).getAttribute("class").startsWith("bars")) {
        bars++;
      }
    }
    assertEquals(10, bars, "5 bins x (members, non-members)");
    Element eps = svgOfClass(doc, "epsilon");
    assertNotNull(eps);
    assertTrue(eps.getTextContent().contains("claimed ε = 1"), eps.getTextContent());
    assertTrue(eps.getTextContent().contains("ε ≥ 1.31 (95%)"), eps.getTextContent());
    // Both figures of each attack, labelled; only the rigorous one above the claim refutes it.
    assertTrue(eps.getTextContent().contains("lira-online (rigorous)"), eps.getTextContent());
    assertTrue(eps.getTextContent().contains("lira-online (estimate)"), eps.getTextContent());
    List<String> classes = new ArrayList<>();
    NodeList groups = eps.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      classes.add(((Element) groups.item(i)).getAttribute("class"));
    }
    assertTrue(
        classes.contains("bound refutes") && classes.contains("bound suspect"), classes.toString());
  }

  @Test
  void suspectIsAWarningAndEveryBoundIsLabelled() throws Exception {
    // Claim 1.4: the rigorous 1.31 stays below it, the estimate 1.52 exceeds it.
    MembershipResult m = Fixtures.membership("m", new Theoretical(1.4, 1e-5, "rdp", "card"));
    String html = HtmlRenderer.render(m);
    Document doc = parse(html);
    Element header = firstElement((Element) doc.getElementsByTagName("body").item(0));
    assertEquals("verdict warn", header.getAttribute("class"));
    assertTrue(header.getTextContent().contains("SUSPECT"));
    assertTrue(
        header.getTextContent().contains("Verdict basis: split-half estimate, lira-online = 1.52"),
        header.getTextContent());
    assertTrue(html.contains("<td>1.31 <span class=\"ci\">(95%, rigorous)</span></td>"), html);
    assertTrue(
        html.contains("<td class=\"warn\">1.52 <span class=\"ci\">(95%, estimate)</span></td>"),
        html);
  }

  @Test
  void userTextIsEscaped() throws Exception {
    MembershipResult m =
        Fixtures.membership(HOSTILE, new Theoretical(1.0, 1e-5, "<b>rdp</b>", "card"));
    String html = HtmlRenderer.render(m);
    parse(html);
    assertFalse(html.contains("<script"), "unescaped script tag");
    assertFalse(html.contains("<b>"), "unescaped markup");
    assertTrue(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;model&quot;"));
    String canary =
        HtmlRenderer.render(Fixtures.canary(true)).replace("the code is", "<img src=x>");
    assertFalse(HtmlRenderer.render(Fixtures.canary(true)).contains("<img"));
    assertTrue(canary.contains("<img src=x>"), "sanity: the replace above did something");
  }

  @Test
  void canaryReportHasTableAndExposureChart() throws Exception {
    String html = HtmlRenderer.render(Fixtures.canary());
    sample("canary.html", html);
    Document doc = parse(html);
    assertSelfContained(html);
    Element header = firstElement((Element) doc.getElementsByTagName("body").item(0));
    assertEquals("verdict bad", header.getAttribute("class"));
    assertTrue(header.getTextContent().contains("1 of 3 canaries"), header.getTextContent());
    assertTrue(html.contains("my pin is {digit}{digit}{digit}{digit}"));
    assertTrue(html.contains("≈7.5 of 29.9 <span class=\"ci\">(extrapolated)</span>"));
    assertNotNull(svgOfClass(doc, "exposure"));
    assertFalse(html.contains("4821"), "secret shown without --reveal-secrets");
    assertFalse(html.contains("Do not share it"));
  }

  @Test
  void revealedSecretsCarryAWarning() throws Exception {
    String html = HtmlRenderer.render(Fixtures.canary(true));
    sample("canary-revealed.html", html);
    parse(html);
    assertTrue(html.contains("Do not share it"));
    assertTrue(html.contains("4821"));
  }

  @Test
  void noClaimAndNoAttacksStillRender() throws Exception {
    MembershipResult plain = Fixtures.membership("plain", null);
    String html = HtmlRenderer.render(plain);
    Document doc = parse(html);
    Element header = firstElement((Element) doc.getElementsByTagName("body").item(0));
    assertEquals("verdict neutral", header.getAttribute("class"));
    assertTrue(html.contains("no DP claim"));
    MembershipResult none =
        new MembershipResult(
            MembershipResult.SCHEMA_VERSION,
            "membership",
            plain.model(),
            null,
            plain.verdict(),
            null,
            null,
            0,
            0,
            0,
            List.of(),
            List.of(),
            List.of(),
            plain.provenance());
    Document empty = parse(HtmlRenderer.render(none));
    assertNotNull(svgOfClass(empty, "roc"));
  }

  // ---- helpers

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  /** Nothing a browser would fetch: no URLs but the SVG namespace, no scripts, no imports. */
  static void assertSelfContained(String html) {
    String rest = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertFalse(rest.contains("http://"), "http:// reference");
    assertFalse(rest.contains("https://"), "https:// reference");
    assertFalse(rest.contains("<script"), "script element");
    assertFalse(rest.contains("@import"), "CSS import");
    assertFalse(rest.contains("url("), "CSS url()");
    assertFalse(rest.contains(" src="), "src attribute");
    assertFalse(rest.contains(" href="), "href attribute");
  }

  private static Element firstElement(Element parent) {
    for (int i = 0; i < parent.getChildNodes().getLength(); i++) {
      if (parent.getChildNodes().item(i) instanceof Element e) {
        return e;
      }
    }
    throw new AssertionError("no child element");
  }

  static Element svgOfClass(Document doc, String cls) {
    List<Element> all = svgsOfClass(doc, cls);
    return all.isEmpty() ? null : all.get(0);
  }

  static List<Element> svgsOfClass(Document doc, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList svgs = doc.getElementsByTagName("svg");
    for (int i = 0; i < svgs.getLength(); i++) {
      Element e = (Element) svgs.item(i);
      if (e.getAttribute("class").equals(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<double[]> points(Element polyline) {
    List<double[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("(-?[0-9.]+),(-?[0-9.]+)").matcher(polyline.getAttribute("points"));
    while (m.find()) {
      out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
    }
    return out;
  }

  /** Leaves the report under target/ for a person to open (not an assertion). */
  private static void sample(String name, String html) throws Exception {
    Path dir = Path.of("target", "report-samples");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
  }
}
