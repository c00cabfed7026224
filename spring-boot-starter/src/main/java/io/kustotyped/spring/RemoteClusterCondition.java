package io.kustotyped.spring;

import io.kustotyped.runtime.auth.ClusterTokens;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code kusto.cluster-url} is set and not loopback: a local emulator needs no Entra token, and
 * {@code DefaultAzureCredential} would only fail slowly there.
 */
class RemoteClusterCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("kusto.cluster-url");
        if (url == null || url.isBlank()) {
            return ConditionOutcome.noMatch("kusto.cluster-url is not set");
        }
        if (ClusterTokens.isLoopback(url)) {
            return ConditionOutcome.noMatch("kusto.cluster-url " + url + " is loopback");
        }
        return ConditionOutcome.match("kusto.cluster-url " + url + " is not loopback");
    }
}
