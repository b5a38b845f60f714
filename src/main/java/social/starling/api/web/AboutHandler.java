package social.starling.api.web;

import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import social.starling.config.Config;
import social.starling.convert.DomainBlockApiMapper;
import social.starling.convert.entity.DomainBlockEntity;
import social.starling.model.RegistrationMode;
import social.starling.model.view.InstanceInfo;
import social.starling.service.instance.DefaultTexts;
import social.starling.service.instance.InstanceService;
import social.starling.service.moderation.DomainModerationService;

/**
 * {@code GET /} and {@code /about} (the front door: the landing page with the latest public posts of local members),
 * {@code /privacy-policy} and {@code /terms-of-service}.
 */
final class AboutHandler {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final InstanceService instance;
    private final WebKit pages;
    private final Config.Audience showDomainBlocks;
    private final DomainModerationService domains;
    private final Supplier<List<StatusCard>> recentPosts;
    private final DomainBlockApiMapper mapper = new DomainBlockApiMapper();

    /**
     * @param recentPosts the latest public posts of local members, for the front door (see
     *                    {@link RemoteInteractionRoutes}, which has the timeline and serves {@code /} and
     *                    {@code /about})
     */
    AboutHandler(InstanceService instance, WebKit pages, Config.Audience showDomainBlocks,
                 DomainModerationService domains, Supplier<List<StatusCard>> recentPosts) {
        this.instance = instance;
        this.pages = pages;
        this.showDomainBlocks = showDomainBlocks;
        this.domains = domains;
        this.recentPosts = recentPosts;
    }

    void about(Context ctx) {
        InstanceInfo info = instance.describe();
        // The moderation policy is the extended description when the admin wrote one, else the short description.
        String moderation = instance.page("extended_description").map(InstanceService.Page::html).orElse(null);
        RegistrationMode mode = info.registrations();
        String contactEmail = info.contactEmail() == null || info.contactEmail().isBlank() ? null : info.contactEmail();
        AboutPage page = new AboutPage(info.title(), info.domain(), info.description(), info.rules(), moderation,
                Registrations.label(mode), Registrations.summary(mode), mode != RegistrationMode.CLOSED,
                contactEmail, info.contactAccount().map(a -> a.username()).orElse(null),
                instance.page("terms_of_service").isPresent(), moderatedServers(ctx), recentPosts.get());
        pages.render(ctx, 200, "about.jte", "About", page);
    }

    /** The same list and the same audience as GET /api/v1/instance/domain_blocks; null when not shown. */
    private List<DomainBlockEntity> moderatedServers(Context ctx) {
        boolean signedIn = showDomainBlocks == Config.Audience.USERS && pages.user(ctx).isPresent();
        return showDomainBlocks.allows(signedIn) ? mapper.publicList(domains.allBlocks()) : null;
    }

    void privacyPolicy(Context ctx) {
        TextPage page = instance.page("privacy_policy")
                .map(p -> new TextPage("Privacy policy", p.html(), DATE.format(p.updatedAt())))
                .orElse(new TextPage("Privacy policy", DefaultTexts.PRIVACY_POLICY, null));
        pages.render(ctx, 200, "text_page.jte", "Privacy policy", page);
    }

    void termsOfService(Context ctx) {
        instance.page("terms_of_service").ifPresentOrElse(
                p -> pages.render(ctx, 200, "text_page.jte", "Terms of service",
                        new TextPage("Terms of service", p.html(), DATE.format(p.updatedAt()))),
                () -> pages.message(ctx, 404, MessagePage.of("Terms of service",
                        "This server has not published terms of service. Its rules are on the About page.")
                        .with(new Link("/about", "About this server"))));
    }
}
