package io.kustotyped.samples.readme;

import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import io.kustotyped.azure.AzureIdentityTokenProvider;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.Vertx;

/** The README's authentication choices, through kusto-typed-azure-identity. */
public final class AzureAuthExample {

    private AzureAuthExample() {}

    /**
     * A client authenticated by the managed identity of the VM, App Service, Function or container it runs in.
     *
     * @param vertx the Vert.x instance
     * @param clusterUrl the cluster's engine URL
     * @return the client
     */
    public static KustoClient managedIdentity(Vertx vertx, String clusterUrl) {
        TokenProvider tokens = AzureIdentityTokenProvider.create(
                new ManagedIdentityCredentialBuilder().build(), // system-assigned; .clientId(id) for user-assigned
                clusterUrl); // scope <cluster>/.default; cached by the client until shortly before expiry
        return KustoClient.create(
                vertx, new KustoClientOptions().setClusterUrl(clusterUrl).setTokenProvider(tokens));
    }

    /**
     * The other usual choices.
     *
     * @param clusterUrl the cluster's engine URL
     * @param tenantId the Entra tenant
     * @param clientId the application (client) id
     * @param pemPath the certificate and private key
     * @return the providers
     */
    public static TokenProvider[] others(String clusterUrl, String tenantId, String clientId, String pemPath) {
        return new TokenProvider[] {
            // environment, workload identity, managed identity, then Azure CLI; in the cluster's own cloud
            AzureIdentityTokenProvider.defaultCredential(clusterUrl),
            // AKS workload identity: the webhook sets AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE
            AzureIdentityTokenProvider.create(new WorkloadIdentityCredentialBuilder().build(), clusterUrl),
            // a service principal with a certificate
            AzureIdentityTokenProvider.create(
                    new ClientCertificateCredentialBuilder()
                            .tenantId(tenantId)
                            .clientId(clientId)
                            .pemCertificate(pemPath)
                            .build(),
                    clusterUrl)
        };
    }
}
