package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.MediaAttachmentEntity;
import social.starling.model.MediaAttachment;
import social.starling.model.MediaMeta;
import java.util.function.UnaryOperator;

/**
 * MediaAttachment → Mastodon's MediaAttachment entity. A local file is served from the MediaStore; a remote one
 * at {@code /media_proxy/:id/original} (and {@code /small}) with a key, which answers from the cache or fetches it
 * first, so the entity does not change when the cache keeps or evicts a copy.
 */
public final class MediaAttachmentApiMapper {
    private final UnaryOperator<String> fileUrl;
    private final String baseUrl;

    /** @param fileUrl a stored file's public URL, by its key (the MediaStore's url) */
    public MediaAttachmentApiMapper(UnaryOperator<String> fileUrl, String baseUrl) {
        this.fileUrl = fileUrl;
        this.baseUrl = baseUrl;
    }

    public List<MediaAttachmentEntity> toApi(List<MediaAttachment> media) {
        return media == null ? List.of() : media.stream().map(this::toApi).toList();
    }

    public MediaAttachmentEntity toApi(MediaAttachment m) {
        String url;
        String preview;
        if (m.isRemote()) {
            String key = "?k=" + m.proxyKey();
            url = baseUrl + "/media_proxy/" + m.id() + "/original" + key;
            preview = m.remotePreviewUrl() != null || "image".equals(m.type()) || "gifv".equals(m.type())
                    ? baseUrl + "/media_proxy/" + m.id() + "/small" + key : null;
        } else {
            url = m.ready() && m.fileKey() != null ? fileUrl.apply(m.fileKey()) : null;
            preview = m.thumbnailKey() != null ? fileUrl.apply(m.thumbnailKey()) : null;
        }
        return new MediaAttachmentEntity(Long.toString(m.id()), m.type(), url, preview, m.remoteUrl(), meta(m),
                m.description(), m.blurhash());
    }

    private static MediaAttachmentEntity.Meta meta(MediaAttachment m) {
        MediaMeta meta = m.meta();
        MediaAttachmentEntity.Focus focus = m.focusX() == null ? null
                : new MediaAttachmentEntity.Focus(m.focusX(), m.focusY());
        if (meta == null) {
            return focus == null ? null
                    : new MediaAttachmentEntity.Meta(focus, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
        MediaMeta.Size o = meta.original();
        boolean timed = meta.duration() != null;
        boolean pictured = o != null && o.width() != null && o.height() != null;
        return new MediaAttachmentEntity.Meta(
                focus,
                size(o),
                size(meta.small()),
                timed ? length(meta.duration()) : null,
                meta.duration(),
                timed && o != null && o.frameRate() != null ? fps(o.frameRate()) : null,
                timed && pictured ? o.width() + "x" + o.height() : null,
                timed && pictured ? o.width() : null,
                timed && pictured ? o.height() : null,
                timed && pictured ? (double) o.width() / o.height() : null,
                meta.audioEncode(),
                meta.audioBitrate(),
                meta.audioChannels());
    }

    private static MediaAttachmentEntity.Size size(MediaMeta.Size s) {
        if (s == null) {
            return null;
        }
        boolean pictured = s.width() != null && s.height() != null && s.height() > 0;
        return new MediaAttachmentEntity.Size(s.width(), s.height(),
                pictured ? s.width() + "x" + s.height() : null,
                pictured ? (double) s.width() / s.height() : null,
                s.frameRate(), s.duration(), s.bitrate());
    }

    /** Mastodon's "0:00:03.50". */
    static String length(double seconds) {
        long hundredths = Math.round(seconds * 100);
        long h = hundredths / 360_000;
        long m = hundredths / 6_000 % 60;
        long s = hundredths / 100 % 60;
        long c = hundredths % 100;
        return String.format("%d:%02d:%02d.%02d", h, m, s, c);
    }

    /** "30/1" or "30000/1001" → 30. */
    static Integer fps(String rate) {
        try {
            String[] p = rate.split("/");
            double v = p.length == 2 ? Double.parseDouble(p[0]) / Double.parseDouble(p[1]) : Double.parseDouble(rate);
            return (int) Math.round(v);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
