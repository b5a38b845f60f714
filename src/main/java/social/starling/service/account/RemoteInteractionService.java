package social.starling.service.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.starling.errors.UnprocessableException;
import social.starling.service.security.Throttle;

/**
 * "Interact from your server": a visitor of a public page names their own account ({@code user@their.server}); the
 * WebFinger answer of that account names, in its {@code http://ostatus.org/schema/1.0/subscribe} link, a template
 * such as Mastodon's {@code https://their.server/authorize_interaction?uri={uri}}, and the visitor is sent there with
 * {@code {uri}} replaced by the URL-encoded ActivityPub id of our account or post, to follow, reply, boost or
 * favourite it from home. Their server is asked through {@link Templates} (the SSRF-guarded client); a handle on
 * this server skips the network and goes straight to our own {@code /authorize_interaction}. Since anyone may
 * make this server ask a host of their choosing, the lookups are throttled per client address.
 */
public final class RemoteInteractionService {
    /** {@code user@host}, {@code @user@host} or {@code acct:user@host}; a host may carry a port. */
    private static final Pattern HANDLE = Pattern.compile(
            "(?:acct:)?@?([A-Za-z0-9_][A-Za-z0-9_.\\-]{0,99})@([A-Za-z0-9](?:[A-Za-z0-9.\\-]{0,250}[A-Za-z0-9])?"
                    + "(?::[0-9]{1,5})?)", Pattern.CASE_INSENSITIVE);

    /** The port to other servers' WebFinger (implemented in {@code federation/}). */
    public interface Templates {
        /**
         * The subscribe template in the WebFinger answer for {@code user@host}; empty when the answer has none.
         *
         * @throws Unreachable when there is no usable answer (unknown host, refused address, timeout, 404 ...)
         */
        Optional<String> subscribeTemplate(String user, String host) throws Unreachable;
    }

    /** Their server gave no usable WebFinger answer; the message is for logs. */
    public static final class Unreachable extends Exception {
        public Unreachable(String message) {
            super(message);
        }
    }

    private final Templates templates;
    private final Throttle lookups;
    private final String localDomain;
    private final String baseUrl;

    /** @param lookups counts the WebFinger lookups per client address */
    public RemoteInteractionService(Templates templates, Throttle lookups, String localDomain, String baseUrl) {
        this.templates = templates;
        this.lookups = lookups;
        this.localDomain = localDomain.toLowerCase(Locale.ROOT);
        this.baseUrl = baseUrl;
    }

    /**
     * Where to send the owner of {@code handle} to interact with {@code objectUri} (an id on this server). A
     * malformed handle, a server that cannot be reached or answers without a template: 422 with a message for the
     * visitor; past the throttle for {@code clientAddress}, 429.
     */
    public String redirect(String handle, String objectUri, String clientAddress) {
        if (objectUri == null || !objectUri.startsWith(baseUrl + "/")) {
            throw new UnprocessableException("There is nothing here to interact with.");
        }
        Matcher m = HANDLE.matcher(handle == null ? "" : handle.strip());
        if (!m.matches()) {
            throw new UnprocessableException("Enter your full handle, with your server's name after the @, such as "
                    + "alice@mastodon.example.");
        }
        String user = m.group(1);
        String host = m.group(2).toLowerCase(Locale.ROOT);
        String encoded = URLEncoder.encode(objectUri, StandardCharsets.UTF_8);
        if (host.equals(localDomain)) {
            return baseUrl + "/authorize_interaction?uri=" + encoded;
        }
        lookups.acquire(clientAddress, "Too many look-ups of other servers from your address");
        String template;
        try {
            template = templates.subscribeTemplate(user, host).orElseThrow(() -> new UnprocessableException(
                    host + " did not say how to interact from it, so we cannot send you there. Search for "
                            + objectUri + " on your server instead."));
        } catch (Unreachable e) {
            throw new UnprocessableException("We could not find " + user + "@" + host + ": " + host
                    + " did not answer, or does not know that account. Check your handle and try again.");
        }
        String target = template.replace("{uri}", encoded);
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new URISyntaxException(target, "not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new UnprocessableException(host + " gave an address we cannot send you to. Search for "
                    + objectUri + " on your server instead.");
        }
        return target;
    }
}
