package dev.cfsign.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The MPD rewriter with a fixed query: which URIs get it, XML escaping, templates, BaseURL resolution. */
class MpdRewriteTest {
    static final String Q = HlsRewriteTest.Q;
    static final String QX = Q.replace("&", "&amp;");
    static final String BASE = "https://cdn.example.com/videos/s1/manifest.mpd";

    static String rewrite(String mpd) {
        return new String(HlsRewriteTest.REWRITER.rewrite(BASE, mpd.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    @Test
    void segmentTemplatesKeepTheirIdentifiersAndGetAnEscapedQuery() throws Exception {
        String in = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- made by ffmpeg -->\n"
                + "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\">\n <Period id=\"0\">\n"
                + "  <AdaptationSet contentType=\"video\">\n"
                + "   <SegmentTemplate timescale=\"1000\" initialization=\"init-$RepresentationID$.m4s\""
                + " media='chunk-$RepresentationID$-$Number%05d$.m4s?x=1&amp;y=2' startNumber=\"1\"/>\n"
                + "   <Representation id=\"0\" bandwidth=\"1\"/>\n  </AdaptationSet>\n </Period>\n</MPD>\n";
        String out = rewrite(in);
        assertThat(out).isEqualTo(in.replace("init-$RepresentationID$.m4s\"", "init-$RepresentationID$.m4s?" + QX + "\"")
                .replace("$Number%05d$.m4s?x=1&amp;y=2'", "$Number%05d$.m4s?x=1&amp;y=2&amp;" + QX + "'"));
        // A real XML parser reads the query back with plain '&'.
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        String media = doc.getElementsByTagName("SegmentTemplate").item(0).getAttributes().getNamedItem("media")
                .getNodeValue();
        assertThat(media).isEqualTo("chunk-$RepresentationID$-$Number%05d$.m4s?x=1&y=2&" + Q);
    }

    @Test
    void baseUrlsChainAndAFolderBaseUrlIsLeftAlone() {
        String in = "<MPD><BaseURL>https://cdn.example.com/videos/</BaseURL><Period><BaseURL>s1/</BaseURL>"
                + "<AdaptationSet><Representation id=\"v\"><BaseURL>v/video.mp4</BaseURL>"
                + "<SegmentBase><Initialization sourceURL=\"v/init.mp4\"/><RepresentationIndex sourceURL=\"idx\"/>"
                + "</SegmentBase></Representation></AdaptationSet></Period></MPD>";
        assertThat(rewrite(in)).isEqualTo("<MPD><BaseURL>https://cdn.example.com/videos/</BaseURL><Period>"
                + "<BaseURL>s1/</BaseURL><AdaptationSet><Representation id=\"v\"><BaseURL>v/video.mp4?" + QX
                + "</BaseURL><SegmentBase><Initialization sourceURL=\"v/init.mp4?" + QX + "\"/>"
                + "<RepresentationIndex sourceURL=\"idx?" + QX + "\"/></SegmentBase></Representation></AdaptationSet>"
                + "</Period></MPD>");
    }

    @Test
    void aBaseUrlOutsideTheGrantTakesEverythingBelowItOut() {
        String in = "<MPD><Period><BaseURL>https://other.example.com/s1/</BaseURL><AdaptationSet>"
                + "<SegmentList><SegmentURL media=\"a.m4s\"/></SegmentList></AdaptationSet></Period>"
                + "<Period><SegmentList><SegmentURL media=\"b.m4s\" index=\"b.idx\"/></SegmentList></Period></MPD>";
        assertThat(rewrite(in)).isEqualTo(in.replace("b.m4s\"", "b.m4s?" + QX + "\"")
                .replace("b.idx\"", "b.idx?" + QX + "\""));
    }

    @Test
    void locationResolvesAgainstTheMpdAndCommentsCdataAndPrefixesAreHandled() {
        String in = "<mpd:MPD xmlns:mpd=\"urn:mpeg:dash:schema:mpd:2011\"><mpd:Location> manifest.mpd </mpd:Location>"
                + "<!-- <SegmentURL media=\"x.m4s\"/> --><![CDATA[<BaseURL>y/</BaseURL>]]>"
                + "<mpd:BaseURL><![CDATA[z/]]></mpd:BaseURL><mpd:SegmentURL  media = \"c.m4s\" /></mpd:MPD>";
        assertThat(rewrite(in)).isEqualTo(in.replace(" manifest.mpd ", " manifest.mpd?" + QX + " "));
    }

    @Test
    void anMpdWithoutUrisIsCopiedExactly() {
        String in = "\ufeff<?xml version=\"1.0\"?>\r\n<!DOCTYPE MPD [<!ENTITY a \"b\">]>\r\n<MPD a='>'>\r\n</MPD>";
        assertThat(rewrite(in)).isEqualTo(in);
    }
}
