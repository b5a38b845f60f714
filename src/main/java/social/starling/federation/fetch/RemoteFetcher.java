package social.starling.federation.fetch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import social.starling.federation.fetch.FetchException.Reason;

/**
 * The one outbound HTTP client of federation (Jetty's), for fetching remote objects and for deliveries.
 *
 * <ul>
 *   <li>It connects only where {@link AddressPolicy} allows, checked on the addresses it actually connects to
 *       ({@link GuardedResolver}); redirects are followed by hand, at most {@link FetchSettings#maxRedirects()}, each
 *       hop resolved and checked again, never from https down to http.</li>
 *   <li>A connect timeout per attempt, and one total timeout for a whole fetch, redirects and body included.</li>
 *   <li>Bodies are read up to a limit and the download is aborted past it (after decompression, so a small
 *       gzip bomb stops at the same limit).</li>
 *   <li>JSON documents: asked for with ActivityStreams' media types, answered with one of them or
 *       {@code application/json}, parsed with tight limits, and their {@code id} must be on the origin that
 *       answered: see {@link #getJson}.</li>
 * </ul>
 */
public final class RemoteFetcher implements AutoCloseable {
    /** What Mastodon asks for (app/helpers/jsonld_helper.rb). */
    public static final String ACCEPT_ACTIVITY_JSON =
            "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    static final Set<String> JSON_TYPES = Set.of("application/activity+json", "application/ld+json",
            "application/json");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_POST_RESPONSE_BYTES = 64 * 1024;

    private final FetchSettings settings;
    private final HttpClient client;
    private final ObjectMapper json;
    private final java.util.function.Predicate<URI> refused;

    private RemoteFetcher(RemoteFetcher shared, java.util.function.Predicate<URI> refused) {
        this.settings = shared.settings;
        this.client = shared.client;
        this.json = shared.json;
        this.refused = refused;
    }

    /**
     * The same client (sharing its connections; close only the original) that also refuses every request, and
     * every redirect hop, to a URL {@code refused} names ({@link Reason#REFUSED_DOMAIN}): the server's domain
     * policy, for federation. Web Push keeps the unguarded client (push services are not fediverse domains).
     */
    public RemoteFetcher guarded(java.util.function.Predicate<URI> refused) {
        return new RemoteFetcher(this, refused);
    }

    public RemoteFetcher(FetchSettings settings) {
        this.settings = settings;
        this.refused = uri -> false;
        this.json = jsonMapper(settings.maxJsonBytes());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("starling-fetch");
        threads.setDaemon(true);
        this.client = new HttpClient();
        client.setExecutor(threads);
        client.setSocketAddressResolver(new GuardedResolver(settings.addresses()));
        client.setFollowRedirects(false);
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the outbound HTTP client", e);
        }
        // A 401 is an answer like any other here: servers in authorized-fetch mode send it without the
        // WWW-Authenticate header Jetty's authentication handler insists on (it would fail the exchange with an
        // unchecked HttpResponseException instead of letting the status through).
        client.getProtocolHandlers().remove(org.eclipse.jetty.client.WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler.NAME);
    }

    /** Input from strangers: nesting, string and document length bounded, duplicate keys refused. */
    static ObjectMapper jsonMapper(int maxBytes) {
        JsonMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(maxBytes)
                .maxDocumentLength(maxBytes)
                .maxNumberLength(100)
                .maxNameLength(4096)
                .build());
        return mapper;
    }

    /**
     * GETs an ActivityStreams document. Its {@code id} must be an http(s) URL on the same origin (scheme, host and
     * port) as the URL that finally answered: a server speaks only for its own objects. A redirect to another
     * origin is fine when that origin serves its own object (the id names it); what is refused is a document that
     * claims an id on an origin other than the one that served it. Callers store the document under
     * {@link FetchedJson#id()}, never under the URL asked for. To resolve a URL that may be an alias on another
     * origin (a search), use {@link #getJsonByAnyUrl}.
     */
    public FetchedJson getJson(URI uri, RequestSigner signer) throws FetchException {
        FetchedJson document = document(uri, signer);
        if (!sameOrigin(document.id(), document.finalUri())) {
            throw new FetchException(Reason.ID_MISMATCH, "the document at " + document.finalUri().getHost()
                    + " claims the id " + document.id() + " on another origin");
        }
        return document;
    }

    public FetchedJson getJson(URI uri) throws FetchException {
        return getJson(uri, RequestSigner.NONE);
    }

    /**
     * Like {@link #getJson}, but a document naming an id on another origin is fetched again from that id, once, and
     * the second answer must carry exactly that id: Mastodon's {@code fetch_resource(uri, id_is_known = false)}
     * (app/helpers/jsonld_helper.rb). For URLs a person typed or pasted, whose canonical id is unknown.
     */
    public FetchedJson getJsonByAnyUrl(URI uri, RequestSigner signer) throws FetchException {
        FetchedJson first = document(uri, signer);
        if (sameOrigin(first.id(), first.finalUri())) {
            return first;
        }
        FetchedJson second = document(first.id(), signer);
        if (!second.id().equals(first.id()) || !sameOrigin(second.id(), second.finalUri())) {
            throw new FetchException(Reason.ID_MISMATCH, "the document at " + second.finalUri().getHost()
                    + " does not confirm the id " + first.id());
        }
        return new FetchedJson(uri, second.finalUri(), second.id(), second.document());
    }

    /**
     * GETs any resource, following redirects, with a body limit.
     *
     * @param accept   the Accept header
     * @param maxBytes the largest body read; more is {@link Reason#TOO_LARGE}
     */
    public FetchedResponse get(URI uri, String accept, int maxBytes, RequestSigner signer) throws FetchException {
        Fetched f = fetch(uri, accept, maxBytes, signer, null, settings.requestTimeout());
        return new FetchedResponse(uri, f.finalUri(), f.answer().status(), f.answer().contentType(),
                f.answer().body());
    }

    /** A file downloaded by {@link #download}: where it came from in the end, its type and size. */
    public record Download(URI finalUri, Optional<String> contentType, long size) {
    }

    /**
     * GETs a file (remote media) into {@code target}, streamed, following redirects, through the same address
     * guard; more than {@code maxBytes} is {@link Reason#TOO_LARGE} (and the partial file is the caller's to
     * delete). The deadline is {@code timeout} for the whole transfer.
     */
    public Download download(URI uri, java.nio.file.Path target, long maxBytes, java.time.Duration timeout)
            throws FetchException {
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(target)) {
            Fetched f = fetch(uri, "*/*", maxBytes, RequestSigner.NONE, out, timeout);
            return new Download(f.finalUri(), f.answer().contentType(), f.answer().written());
        } catch (IOException e) {
            throw new FetchException(Reason.NETWORK, "cannot write the download: " + e.getMessage(), 0, e);
        }
    }

    private record Fetched(URI finalUri, Answer answer) {
    }

    private Fetched fetch(URI uri, String accept, long maxBytes, RequestSigner signer, java.io.OutputStream sink,
                          java.time.Duration timeout) throws FetchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = checkUrl(uri);
        for (int hop = 0; ; hop++) {
            URI target = allowed(current);
            Request request = client.newRequest(target).method(HttpMethod.GET)
                    .headers(h -> h.put(HttpHeader.ACCEPT, accept));
            signer.headersFor("GET", target, null).forEach((name, value) -> request.headers(h -> h.put(name, value)));
            Answer answer = exchange(request, deadline, maxBytes, true, sink);
            if (REDIRECTS.contains(answer.status())) {
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(Reason.TOO_MANY_REDIRECTS, "more than " + settings.maxRedirects()
                            + " redirects from " + uri.getHost());
                }
                URI next = redirectTarget(target, answer.location());
                if (target.getScheme().equalsIgnoreCase("https") && next.getScheme().equalsIgnoreCase("http")) {
                    throw new FetchException(Reason.INSECURE_REDIRECT, target.getHost() + " redirects to http");
                }
                current = next;
                continue;
            }
            requireSuccess(answer.status(), target);
            return new Fetched(target, answer);
        }
    }

    /**
     * POSTs a body (a delivery) without following redirects; any answer but 2xx is {@link Reason#HTTP_STATUS}
     * (with the answer's {@code Retry-After}, if any: {@link FetchException#retryAfter()}).
     * {@code headers} go out as given (the signature's Host, Date, Digest, Signature, and Content-Type).
     */
    public FetchedResponse post(URI uri, Map<String, String> headers, byte[] body) throws FetchException {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        URI target = allowed(checkUrl(uri));
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("application/activity+json");
        Request request = client.newRequest(target).method(HttpMethod.POST)
                .body(new BytesRequestContent(contentType, body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                request.headers(h -> h.put(name, value));
            }
        });
        Answer answer = exchange(request, deadline, MAX_POST_RESPONSE_BYTES, false, null);
        if (answer.status() < 200 || answer.status() > 299) {
            throw new FetchException(Reason.HTTP_STATUS, target.getHost() + " answered " + answer.status(),
                    answer.status(), null, answer.retryAfter());
        }
        return new FetchedResponse(uri, target, answer.status(), answer.contentType(), answer.body());
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private FetchedJson document(URI uri, RequestSigner signer) throws FetchException {
        FetchedResponse response = get(uri, ACCEPT_ACTIVITY_JSON, settings.maxJsonBytes(), signer);
        String type = response.contentType().orElse("");
        if (!JSON_TYPES.contains(type)) {
            throw new FetchException(Reason.UNEXPECTED_CONTENT_TYPE, response.finalUri().getHost() + " answered "
                    + (type.isEmpty() ? "without a content type" : type) + ", not ActivityStreams JSON");
        }
        JsonNode tree;
        try {
            tree = json.readTree(response.body());
        } catch (IOException e) {
            throw new FetchException(Reason.INVALID_JSON, "invalid JSON from " + response.finalUri().getHost(), 0, e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new FetchException(Reason.INVALID_JSON, "the document from " + response.finalUri().getHost()
                    + " is not a JSON object");
        }
        JsonNode id = object.get("id");
        if (id == null || !id.isTextual()) {
            throw new FetchException(Reason.ID_MISMATCH, "the document from " + response.finalUri().getHost()
                    + " has no id");
        }
        URI parsedId;
        try {
            parsedId = new URI(id.asText());
        } catch (URISyntaxException e) {
            throw new FetchException(Reason.ID_MISMATCH, "the document's id is not a URL");
        }
        if (!isHttpUrl(parsedId)) {
            throw new FetchException(Reason.ID_MISMATCH, "the document's id is not an http(s) URL");
        }
        return new FetchedJson(uri, response.finalUri(), parsedId, object);
    }

    private record Answer(int status, Optional<String> contentType, String location, byte[] body,
                          String retryAfter, long written) {
    }

    /** Sends one request and reads its answer; a redirect's body is not read. */
    private Answer exchange(Request request, long deadline, long maxBytes, boolean redirectsExpected,
                            java.io.OutputStream sink) throws FetchException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        URI target = request.getURI();
        if (remaining <= 0) {
            throw new FetchException(Reason.TIMEOUT, "no answer from " + target.getHost() + " in time");
        }
        request.followRedirects(false).timeout(remaining, TimeUnit.MILLISECONDS);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            response = listener.get(remaining, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new FetchException(Reason.NETWORK, "interrupted", 0, e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new FetchException(Reason.TIMEOUT, "no answer from " + target.getHost() + " in time", 0, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), target);
        }
        int status = response.getStatus();
        Optional<String> contentType = Optional.ofNullable(response.getHeaders().get(HttpHeader.CONTENT_TYPE))
                .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty());
        if (redirectsExpected && REDIRECTS.contains(status)) {
            String location = response.getHeaders().get(HttpHeader.LOCATION);
            response.abort(new IOException("redirect not read"));
            if (location == null || location.isBlank()) {
                throw new FetchException(Reason.HTTP_STATUS, target.getHost() + " redirects nowhere", status, null);
            }
            return new Answer(status, contentType, location, new byte[0], null, 0);
        }
        long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            response.abort(new IOException("too large"));
            throw tooLarge(target, maxBytes);
        }
        boolean success = status >= 200 && status <= 299;
        try (InputStream in = listener.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 && sink == null ? (int) declared
                    : 8192);
            java.io.OutputStream out = sink != null && success ? sink : body;
            byte[] buffer = new byte[sink == null ? 8192 : 64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (total + read > maxBytes) {
                    response.abort(new IOException("too large"));
                    throw tooLarge(target, maxBytes);
                }
                out.write(buffer, 0, read);
                total += read;
            }
            return new Answer(status, contentType, null, body.toByteArray(),
                    response.getHeaders().get(HttpHeader.RETRY_AFTER), total);
        } catch (IOException e) {
            throw failure(e, target);
        }
    }

    private static FetchException tooLarge(URI target, long maxBytes) {
        return new FetchException(Reason.TOO_LARGE, "the answer from " + target.getHost() + " is larger than "
                + maxBytes + " bytes");
    }

    private static FetchException failure(Throwable failure, URI target) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FetchException f) {
                return f;
            }
            if (t instanceof GuardedResolver.RefusedAddressException refused) {
                return new FetchException(Reason.REFUSED_ADDRESS, refused.getMessage(), 0, null);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new FetchException(Reason.UNKNOWN_HOST, target.getHost() + " does not resolve", 0, t);
            }
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return new FetchException(Reason.TIMEOUT, "no answer from " + target.getHost() + " in time", 0, t);
            }
        }
        return new FetchException(Reason.NETWORK, "cannot reach " + target.getHost() + ": "
                + (failure == null ? "unknown error" : failure.getClass().getSimpleName()), 0, failure);
    }

    private static void requireSuccess(int status, URI target) throws FetchException {
        if (status < 200 || status > 299) {
            throw new FetchException(Reason.HTTP_STATUS, target.getHost() + " answered " + status, status, null);
        }
    }

    private static URI redirectTarget(URI from, String location) throws FetchException {
        try {
            return checkUrl(from.resolve(new URI(location.trim())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(Reason.BAD_URL, from.getHost() + " redirects to an invalid URL");
        }
    }

    private URI allowed(URI uri) throws FetchException {
        if (refused.test(uri)) {
            throw new FetchException(Reason.REFUSED_DOMAIN, uri.getHost() + " is blocked by this server's domain "
                    + "policy");
        }
        return uri;
    }

    /** An absolute http(s) URL with a host and no user info; the fragment is dropped (it is never sent). */
    static URI checkUrl(URI uri) throws FetchException {
        if (!isHttpUrl(uri) || uri.getRawUserInfo() != null) {
            throw new FetchException(Reason.BAD_URL, "not an http(s) URL: " + uri);
        }
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    private static boolean isHttpUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && !uri.getHost().isEmpty();
    }

    /** Same scheme, host and port (the default port written or not). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
