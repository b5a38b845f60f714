package social.starling.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.RouteTable;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Every admin endpoint the server has (taken from its route table, so a new one is checked without anyone adding it
 * here) refuses whoever may not use it, before looking at the request: no token is 401; a member's token, even
 * with the admin scopes, is 403 "This action is not allowed"; an owner's token without admin scopes is 403
 * "outside the authorized scopes"; a moderator (whose role lacks Manage Federation and Manage Blocks) is 403 on
 * domain, IP and e-mail blocks.
 */
class AdminAccessTest {
    private static final String ADMIN_SCOPES = "read write admin:read admin:write";
    /** Route families a moderator's role lacks the permission for (Mastodon's Manage Federation, Manage Blocks). */
    private static final Set<String> NOT_FOR_MODERATORS = Set.of("domain_blocks", "domain_allows",
            "email_domain_blocks", "ip_blocks", "canonical_email_blocks");

    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void everyAdminEndpointRefusesWhoeverMayNotUseIt() {
        server.fixtures().account("member");
        server.fixtures().account("warden", Role.MODERATOR);
        server.fixtures().account("boss", Role.OWNER);
        ApiClient client = ApiClient.register(server.http(), ADMIN_SCOPES);
        HttpTester member = client.as("member", ADMIN_SCOPES);
        HttpTester moderator = client.as("warden", ADMIN_SCOPES);
        HttpTester ownerWithoutAdminScopes = client.as("boss", "read write");
        HttpTester nobody = server.http();

        List<String> failures = new ArrayList<>();
        TreeSet<String> families = new TreeSet<>();
        for (RouteTable.Route route : server.app().routes()) {
            String path = route.path();
            if (!path.startsWith("/api/v1/admin/") && !path.startsWith("/api/v2/admin/")
                    || route.method() == HandlerType.HEAD || route.method() == HandlerType.OPTIONS) {
                continue;
            }
            String family = path.split("/")[4];
            families.add(family);
            String concrete = path.replaceAll("\\{[^}]+}", "1");
            String method = route.method().name();
            expect(failures, method, concrete, "no token", send(nobody, method, concrete), 401, null);
            expect(failures, method, concrete, "member", send(member, method, concrete), 403,
                    "This action is not allowed");
            expect(failures, method, concrete, "owner without admin scopes",
                    send(ownerWithoutAdminScopes, method, concrete), 403, "outside the authorized scopes");
            if (NOT_FOR_MODERATORS.contains(family)) {
                expect(failures, method, concrete, "moderator", send(moderator, method, concrete), 403,
                        "This action is not allowed");
            }
        }
        assertThat(families).as("the admin API families swept").contains("accounts", "reports", "domain_blocks",
                "domain_allows", "email_domain_blocks", "ip_blocks", "canonical_email_blocks", "measures");
        assertThat(failures).isEmpty();
    }

    private static HttpResult send(HttpTester client, String method, String path) {
        return client.send(method, path, Map.of("Content-Type", "application/json"),
                method.equals("GET") || method.equals("DELETE") ? null : "{}");
    }

    private static void expect(List<String> failures, String method, String path, String who, HttpResult r,
                               int status, String message) {
        if (r.status() != status || message != null && !r.body().contains(message)) {
            failures.add(method + " " + path + " as " + who + ": " + r.status() + " " + r.body());
        }
    }
}
