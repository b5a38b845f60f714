package social.starling.service.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.trbl.blurhash.BlurHash;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The BlurHash encoder Starling uses (io.trbl:blurhash): the format's layout clients decode, and the average colour
 * coming back out of the DC part.
 */
class BlurhashTest {
    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    static int decode83(String s) {
        int v = 0;
        for (char c : s.toCharArray()) {
            v = v * 83 + DIGITS.indexOf(c);
        }
        return v;
    }

    @Test
    void aFlatColourGivesItsColourAsTheAverage() {
        BufferedImage image = new BufferedImage(32, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x33, 0x66, 0xcc));
        g.fillRect(0, 0, 32, 20);
        g.dispose();
        String hash = BlurHash.encode(image, 4, 3);
        assertThat(hash).hasSize(6 + 2 * 11);
        assertThat(hash.charAt(0)).isEqualTo('L'); // (4 - 1) + (3 - 1) * 9 = 21
        assertThat(hash.chars().allMatch(c -> DIGITS.indexOf(c) >= 0)).isTrue();
        assertThat(decode83(hash.substring(2, 6))).isEqualTo(0x3366cc);
    }

    @Test
    void oneComponentIsJustTheAverage() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        assertThat(BlurHash.encode(image, 1, 1)).isEqualTo("00" + "TSUA"); // 0xffffff in base 83
    }
}
