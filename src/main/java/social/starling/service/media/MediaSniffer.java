package social.starling.service.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file is, from its first bytes (never from the name or the Content-Type a client sent): the formats
 * Starling accepts, and {@link Kind#UNKNOWN} for anything else.
 */
public final class MediaSniffer {
    /** The accepted formats, grouped by how they are processed. */
    public enum Kind {
        JPEG(Group.IMAGE), PNG(Group.IMAGE), WEBP(Group.IMAGE), GIF(Group.IMAGE),
        MP4(Group.VIDEO), WEBM(Group.VIDEO), MOV(Group.VIDEO),
        MP3(Group.AUDIO), OGG(Group.AUDIO), WAV(Group.AUDIO), FLAC(Group.AUDIO), M4A(Group.AUDIO),
        UNKNOWN(Group.UNKNOWN);

        public final Group group;

        Kind(Group group) {
            this.group = group;
        }
    }

    public enum Group { IMAGE, VIDEO, AUDIO, UNKNOWN }

    private MediaSniffer() {
    }

    public static Kind sniff(Path file) {
        byte[] h = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, h.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sniff(h, n);
    }

    static Kind sniff(byte[] h, int n) {
        if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return Kind.JPEG;
        }
        if (n >= 8 && (h[0] & 0xFF) == 0x89 && ascii(h, 1, "PNG")) {
            return Kind.PNG;
        }
        if (n >= 6 && (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a"))) {
            return Kind.GIF;
        }
        if (n >= 12 && ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
            return Kind.WEBP;
        }
        if (n >= 12 && ascii(h, 0, "RIFF") && ascii(h, 8, "WAVE")) {
            return Kind.WAV;
        }
        if (n >= 12 && ascii(h, 4, "ftyp")) {
            String brand = new String(h, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
                return Kind.M4A;
            }
            return brand.startsWith("qt") ? Kind.MOV : Kind.MP4;
        }
        if (n >= 4 && (h[0] & 0xFF) == 0x1A && (h[1] & 0xFF) == 0x45 && (h[2] & 0xFF) == 0xDF
                && (h[3] & 0xFF) == 0xA3) {
            return Kind.WEBM;
        }
        if (n >= 3 && ascii(h, 0, "ID3")) {
            return Kind.MP3;
        }
        if (n >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0) {
            return Kind.MP3; // an MPEG audio frame sync without an ID3 tag
        }
        if (n >= 4 && ascii(h, 0, "OggS")) {
            return Kind.OGG;
        }
        if (n >= 4 && ascii(h, 0, "fLaC")) {
            return Kind.FLAC;
        }
        return Kind.UNKNOWN;
    }

    private static boolean ascii(byte[] h, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (h[at + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
