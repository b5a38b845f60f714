package social.starling.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Byte counts as Rails' number_to_human_size writes them in Admin::Measure's human_value. */
class DashboardApiMapperTest {

    @Test
    void humanSizesHaveThreeSignificantDigits() {
        assertThat(DashboardApiMapper.humanSize(0)).isEqualTo("0 Bytes");
        assertThat(DashboardApiMapper.humanSize(1)).isEqualTo("1 Byte");
        assertThat(DashboardApiMapper.humanSize(1023)).isEqualTo("1023 Bytes");
        assertThat(DashboardApiMapper.humanSize(1024)).isEqualTo("1 KB");
        assertThat(DashboardApiMapper.humanSize(1500)).isEqualTo("1.46 KB");
        assertThat(DashboardApiMapper.humanSize(100_765_744)).isEqualTo("96.1 MB");
        assertThat(DashboardApiMapper.humanSize(49_581_359_907L)).isEqualTo("46.2 GB");
    }
}
