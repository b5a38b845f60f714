package social.starling.api.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.DomainBlock;
import social.starling.model.DomainBlock.Severity;
import social.starling.service.moderation.DomainBlockCsv;
import social.starling.service.moderation.DomainModerationService;
import social.starling.service.moderation.DomainModerationService.BlockChange;
import social.starling.service.security.SessionService.WebUser;

/**
 * {@code GET /admin/domain_blocks} (the blocks and the form to add one), {@code POST /admin/domain_blocks} (add),
 * {@code GET /admin/domain_blocks/{id}/edit} and {@code POST /admin/domain_blocks/{id}} (change),
 * {@code POST /admin/domain_blocks/{id}/delete} (lift), {@code GET /admin/domain_blocks/export.csv} and
 * {@code POST /admin/domain_blocks/import} (a CSV file or pasted text; the page shows how many were imported and
 * each refused line with its reason). Everything goes through {@link DomainModerationService}, which audits it.
 */
final class AdminDomainBlocksHandler {
    static final int MAX_CSV = 1_000_000;

    private final DomainModerationService domains;
    private final DomainBlockCsv csv;
    private final AdminArea area;

    AdminDomainBlocksHandler(DomainModerationService domains, DomainBlockCsv csv, AdminArea area) {
        this.domains = domains;
        this.csv = csv;
        this.area = area;
    }

    void list(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DOMAIN_BLOCKS);
        if (staff != null) {
            render(ctx, staff, 200, null, AdminDomainBlocksPage.Form.EMPTY, notice(ctx.queryParam("notice"),
                    ctx.queryParam("domain")), null, null, null);
        }
    }

    void create(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DOMAIN_BLOCKS);
        if (staff == null) {
            return;
        }
        AdminDomainBlocksPage.Form form = form(ctx, null);
        try {
            DomainBlock b = domains.create(staff.account().id(), change(form));
            ctx.redirect("/admin/domain_blocks?notice=created&domain=" + encode(b.domain()));
        } catch (UnprocessableException e) {
            render(ctx, staff, 422, null, form, null, e.getMessage(), null, null);
        }
    }

    void edit(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DOMAIN_BLOCKS);
        if (staff == null) {
            return;
        }
        DomainBlock b = domains.block(blockId(ctx));
        render(ctx, staff, 200, b, AdminDomainBlocksPage.Form.of(b), null, null, null, null);
    }

    void update(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DOMAIN_BLOCKS);
        if (staff == null) {
            return;
        }
        DomainBlock old = domains.block(blockId(ctx));
        AdminDomainBlocksPage.Form form = form(ctx, old.domain());
        try {
            BlockChange c = change(form);
            domains.update(staff.account().id(), old.id(), new BlockChange(null, c.severity(), c.rejectMedia(),
                    c.rejectReports(), form.privateComment(), form.publicComment(), c.obfuscate()));
            ctx.redirect("/admin/domain_blocks?notice=updated&domain=" + encode(old.domain()));
        } catch (UnprocessableException e) {
            render(ctx, staff, 422, old, form, null, e.getMessage(), null, null);
        }
    }

    void delete(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DOMAIN_BLOCKS);
        if (staff == null) {
            return;
        }
        DomainBlock b = domains.remove(staff.account().id(), blockId(ctx));
        ctx.redirect("/admin/domain_blocks?notice=removed&domain=" + encode(b.domain()));
    }

    void export(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DOMAIN_BLOCKS);
        if (staff == null) {
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"domain_blocks.csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(csv.export());
    }

    void importCsv(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DOMAIN_BLOCKS);
        if (staff == null) {
            return;
        }
        String text = uploaded(ctx);
        if (text == null || text.isBlank()) {
            text = ctx.formParam("csv");
        }
        if (text == null || text.isBlank()) {
            render(ctx, staff, 422, null, AdminDomainBlocksPage.Form.EMPTY, null, null, null, null,
                    "Choose a CSV file or paste its lines.");
            return;
        }
        if (text.length() > MAX_CSV) {
            render(ctx, staff, 422, null, AdminDomainBlocksPage.Form.EMPTY, null, null, null, null,
                    "The CSV is too large (at most 1 MB).");
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        DomainBlockCsv.Result result = csv.importCsv(staff.account().id(), text);
        List<AdminDomainBlocksPage.RefusedLine> refused = new ArrayList<>();
        for (DomainBlockCsv.Refused r : result.refused()) {
            String line = r.line() >= 1 && r.line() <= lines.length ? lines[r.line() - 1] : "";
            refused.add(new AdminDomainBlocksPage.RefusedLine(r.line(), line, r.reason()));
        }
        render(ctx, staff, 200, null, AdminDomainBlocksPage.Form.EMPTY, null, null, result.imported().size(),
                refused);
    }

    private void render(Context ctx, WebUser staff, int status, DomainBlock editing, AdminDomainBlocksPage.Form form,
                        String notice, String error, Integer imported, List<AdminDomainBlocksPage.RefusedLine> refused) {
        render(ctx, staff, status, editing, form, notice, error, imported, refused, null);
    }

    private void render(Context ctx, WebUser staff, int status, DomainBlock editing, AdminDomainBlocksPage.Form form,
                        String notice, String error, Integer imported, List<AdminDomainBlocksPage.RefusedLine> refused,
                        String importError) {
        area.render(ctx, status, "admin_domain_blocks.jte", editing == null ? "Domain blocks"
                : "Domain block " + editing.domain(), new AdminDomainBlocksPage(
                area.nav(staff.user().role(), AdminArea.Section.DOMAIN_BLOCKS), notice, domains.allBlocks(), editing,
                form, error, imported, refused == null ? List.of() : refused, importError));
    }

    private static String uploaded(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            return null;
        }
        if (file.size() > MAX_CSV) {
            return "x".repeat(MAX_CSV + 1);
        }
        try (InputStream in = file.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnprocessableException("The file could not be read.");
        }
    }

    private static AdminDomainBlocksPage.Form form(Context ctx, String domain) {
        return new AdminDomainBlocksPage.Form(domain != null ? domain : value(ctx, "domain").strip(),
                value(ctx, "severity").strip(), ctx.formParam("reject_media") != null,
                ctx.formParam("reject_reports") != null, value(ctx, "private_comment"),
                value(ctx, "public_comment"), ctx.formParam("obfuscate") != null);
    }

    private static BlockChange change(AdminDomainBlocksPage.Form f) {
        Severity severity;
        try {
            severity = Severity.parse(f.severity());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("Choose a severity: limit, suspend or none.");
        }
        return new BlockChange(f.domain(), severity, f.rejectMedia(), f.rejectReports(), f.privateComment(),
                f.publicComment(), f.obfuscate());
    }

    private static String value(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private static long blockId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }

    private static String notice(String code, String domain) {
        if (code == null || domain == null || domain.isBlank()) {
            return null;
        }
        return switch (code) {
            case "created" -> domain + " is blocked now.";
            case "updated" -> "The block of " + domain + " was changed.";
            case "removed" -> "The block of " + domain + " was lifted.";
            default -> null;
        };
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
