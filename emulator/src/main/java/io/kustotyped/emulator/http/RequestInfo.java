package io.kustotyped.emulator.http;

/**
 * Who sent a request and how to correlate it: the echoed {@code x-ms-client-request-id}, the
 * {@code x-ms-activity-id} the emulator made up for it, and the principal (docs/kusto-rules.md §1.4).
 *
 * @param clientRequestId the client's request id, or a generated one when it sent none
 * @param activityId the server-side activity id of this request
 * @param principal the caller's identity as the emulator sees it (e.g. {@code "aaduser=emulator"})
 */
public record RequestInfo(String clientRequestId, String activityId, String principal) {}
