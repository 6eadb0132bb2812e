package io.dataport.transfer;


import java.io.IOException;

/**
 * A transfer that stops in the middle of table {@code orders} and waits to be killed: the child process of
 * {@link TransferSafetyTest#aKilledTransferLeavesFinishedTablesAndARerunCompletesIt}. Prints {@code halfway} when
 * it is inside the table's transaction with rows sent.
 */
public final class KilledTransferMain {
    private KilledTransferMain() {
    }

    public static void main(String[] args) throws IOException {
        Transfer.from(args[0]).to(args[1]).batchSize(1_000).run(new TransferListener() {
            @Override
            public void tableFinished(TransferReport.Table table) {
                System.out.println("finished " + table.source());
                System.out.flush();
            }

            @Override
            public void rowsCopied(String table, long done, long rows, long totalDone, long total) {
                if (table.equals("orders") && done >= 5_000) {
                    System.out.println("halfway");
                    System.out.flush();
                    try {
                        while (System.in.read() >= 0) {
                            // Wait for the kill; the parent never writes.
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
    }
}
