package io.dataport.transfer;

import io.dataport.postgres.PostgresTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000,000 generated rows into PostgreSQL, verified, with the rate printed. Tagged "slow": run it with
 * {@code mvn -B verify -pl transfer -am -Pslow -Dtest=MillionRowTransferTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * The comparison with pgloader is {@code benchmarks/transfer-vs-pgloader.sh}.
 */
@Tag("slow")
class MillionRowTransferTest {
    @Test
    void transfersAMillionRows(@TempDir Path dir) {
        Path file = dir.resolve("million.sqlite");
        TransferSupport.generate(file, 100_000, 900_000);
        String pg = PostgresTarget.INSTANCE.freshUrl();

        TransferReport report = Transfer.from("sqlite:" + file).to(pg).run();

        assertThat(report.rowsCopied()).isEqualTo(1_000_000);
        for (TransferReport.Table t : report.tables()) {
            assertThat(t.targetChecksum()).isEqualTo(t.sourceChecksum());
        }
        System.out.printf(Locale.ROOT, "1,000,000 rows to PostgreSQL in %.2f s (%,.0f rows/s)%n",
                report.elapsed().toNanos() / 1e9, report.rowsPerSecond());
    }
}
