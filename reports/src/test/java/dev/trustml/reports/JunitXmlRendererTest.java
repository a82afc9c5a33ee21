package dev.trustml.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.results.MembershipResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The gate as JUnit XML for CI test reporters. */
class JunitXmlRendererTest {
  private static final List<String> CHECKS =
      List.of("auc>0.6", "advantage>=0.5", "epsilon_lb>epsilon", "tpr@0.001>0.01");

  @Test
  void golden() throws Exception {
    Golden.assertMatches("gate-membership.junit.xml", render(Fixtures.membership()));
  }

  @Test
  void eachCheckIsATestCaseAndFailuresCarryValueAndLimit() throws Exception {
    Document doc = parse(render(Fixtures.membership()));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("3", suite.getAttribute("failures"));
    NodeList cases = doc.getElementsByTagName("testcase");
    assertEquals(4, cases.getLength());
    Element first = (Element) cases.item(0);
    assertEquals("auc>0.6", first.getAttribute("name"));
    Element failure = (Element) first.getElementsByTagName("failure").item(0);
    assertEquals("auc = 0.734 > 0.6 (lira-online)", failure.getAttribute("message"));
    Element second = (Element) cases.item(1);
    assertEquals(0, second.getElementsByTagName("failure").getLength(), "advantage 0.352 < 0.5");
    Element third = (Element) cases.item(2);
    assertEquals(
        "epsilon_lb = 1.31 > epsilon = 1 (lira-online)",
        ((Element) third.getElementsByTagName("failure").item(0)).getAttribute("message"));
  }

  @Test
  void hostileModelNameStaysWellFormed() throws Exception {
    MembershipResult m = Fixtures.membership("a\"<b>&'\u0001", null);
    Document doc = parse(render(m));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertTrue(suite.getAttribute("name").endsWith("a\"<b>&'\uFFFD"), suite.getAttribute("name"));
  }

  private static String render(MembershipResult m) throws Exception {
    GateReport gate = GatePolicy.fromOptions(CHECKS).evaluate(m);
    return JunitXmlRenderer.render(m, gate);
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
