package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** VOSpace 2.1 documents and calls shared by the conformance tests. */
final class VoSpaceDocs {

    static final String VOS = "vos://astroruntime.local!vospace/";

    static String node(String uri, String type, String properties) {
        return "<vos:node xmlns:vos=\"http://www.ivoa.net/xml/VOSpace/v2.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " uri=\"" + uri + "\" xsi:type=\"vos:" + type + "\"><vos:properties>" + properties + "</vos:properties></vos:node>";
    }

    static Response put(String token, String path, String doc) {
        return given().auth().oauth2(token).contentType("text/xml").body(doc).put("/nodes/" + path);
    }

    private VoSpaceDocs() {
    }
}
