package social.starling.api.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser for tests, without the rendering: keeps cookies (a {@link CookieManager}), never follows redirects (so
 * tests can assert them), and submits jsoup forms the way a browser would (hidden fields, checked boxes, text).
 */
public final class WebClient {
    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .build();
    }

    public record Page(int status, HttpHeaders headers, String body, String url) {
        public Document doc() {
            return Jsoup.parse(body, url);
        }

        public Optional<String> location() {
            return headers.firstValue("Location");
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The visible text of the main part of the page. */
        public String text() {
            Element main = doc().selectFirst("main");
            return main == null ? doc().text() : main.text();
        }

        /** The form whose action ends with {@code action}. */
        public Element form(String action) {
            return doc().select("form").stream()
                    .filter(f -> f.attr("action").equals(action))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no form with action " + action + " in:\n" + body));
        }

        @Override
        public String toString() {
            return status + " " + url + " " + location().orElse("") + "\n" + body;
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    /** POSTs urlencoded fields exactly as given (no CSRF token added). */
    public Page post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))), path);
    }

    /**
     * Submits a form as a browser would: its hidden, text and checked fields, then {@code values} (name → value;
     * a null value removes the field, "on"/"off" for checkboxes is up to the caller).
     */
    public Page submit(Element form, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            String value = input.tagName().equals("textarea") ? input.text()
                    : input.hasAttr("value") ? input.attr("value") : (type.equals("checkbox") ? "on" : "");
            fields.put(input.attr("name"), value);
        }
        values.forEach((name, value) -> {
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
        });
        String action = form.attr("action");
        if (form.attr("method").equalsIgnoreCase("get")) {
            return get(action + "?" + encode(fields));
        }
        return post(action, fields);
    }

    /** POSTs a multipart/form-data body: {@code fields} as text parts and one file part {@code fileField}. */
    public Page postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String content) {
        String boundary = "----starling" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), path);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    public static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return parts.stream().collect(Collectors.joining("&"));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : baseUrl + path);
    }

    private Page send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.headers(), r.body(), uri(path).toString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
