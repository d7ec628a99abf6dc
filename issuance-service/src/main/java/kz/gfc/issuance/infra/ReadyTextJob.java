package kz.gfc.issuance.infra;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import kz.gfc.issuance.domain.ReadyTexts;

/** Sends pending "your document is ready" texts, and retries those intake could not answer for. */
@ApplicationScoped
public class ReadyTextJob {

    private final ReadyTexts texts;

    ReadyTextJob(ReadyTexts texts) {
        this.texts = texts;
    }

    @Scheduled(every = "${gfc.issuance.ready-texts.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        texts.sendDue();
    }
}
