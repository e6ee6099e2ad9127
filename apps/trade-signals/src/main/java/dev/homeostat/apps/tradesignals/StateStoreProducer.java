package dev.homeostat.apps.tradesignals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.apps.tradesignals.state.KafkaSymbolStateStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.smallrye.common.annotation.Identifier;
import java.util.Map;

/** Creates the Kafka state store (and its compacted topic, if missing) on the app's cluster, with its kafka.* settings. */
public class StateStoreProducer {

    @Produces
    @Singleton
    KafkaSymbolStateStore stateStore(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                                     TradeSignalsConfig config, ObjectMapper mapper) {
        KafkaSymbolStateStore store = new KafkaSymbolStateStore(kafka, config.stateTopic(), mapper);
        store.ensureTopic(config.statePartitions(), config.restoreTimeout());
        return store;
    }

    void close(@Disposes KafkaSymbolStateStore store) {
        store.close();
    }
}
