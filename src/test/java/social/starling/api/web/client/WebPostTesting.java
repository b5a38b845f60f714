package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import social.starling.api.web.WebClient;
import social.starling.api.web.WebTesting;
import social.starling.model.Status;
import social.starling.service.status.PostStatusService;
import social.starling.testing.Fixtures;
import social.starling.testing.TestApp;

/** Shared steps of the web client's posting tests: a signed-in browser, posts made directly, htmx and uploads. */
final class WebPostTesting {
    private WebPostTesting() {
    }

    static WebClient signedIn(TestApp app, String name) {
        app.fixtures().account(name);
        WebClient browser = new WebClient(app.baseUrl());
        WebClient.Page in = WebTesting.signIn(browser, name + "@example.test", Fixtures.PASSWORD);
        assertThat(in.location()).as(in.toString()).hasValue("/web/home");
        return browser;
    }

    static Status post(TestApp app, String author, String text, String visibility) {
        long id = app.fixtures().account(author).id();
        return app.app().statuses().post().post(id, new PostStatusService.Request(text, "", visibility, null, null,
                null, null, List.of(), null, null));
    }

    static String csrf(WebClient browser) {
        return browser.cookie("_starling_csrf").orElseThrow();
    }

    /** A form POST as htmx sends it (header {@code HX-Request: true}), with the browser's cookies and token. */
    static WebClient.Page htmxPost(TestApp app, WebClient browser, String path, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("authenticity_token", csrf(browser));
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(app, browser, path, HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A urlencoded POST of this exact body (repeated fields, as a browser sends several of one name). */
    static WebClient.Page rawPost(TestApp app, WebClient browser, String path, String body) {
        return send(app, browser, path, HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST as a browser sends a form with files: text fields, then files (name → bytes). */
    static WebClient.Page multipart(TestApp app, WebClient browser, String path, Map<String, String> fields,
                                    Map<String, byte[]> files) {
        String boundary = "----starlingweb" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, data) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"" + (data.length == 0 ? "" : "image.png") + "\"\r\nContent-Type: "
                    + (data.length == 0 ? "application/octet-stream" : "image/png") + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(data);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(app, browser, path, HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private static WebClient.Page send(TestApp app, WebClient browser, String path, HttpRequest.Builder request) {
        String cookies = "_starling_session=" + browser.cookie("_starling_session").orElseThrow()
                + "; _starling_csrf=" + csrf(browser);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request.header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new WebClient.Page(r.statusCode(), r.headers(), r.body(), app.baseUrl() + path);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
