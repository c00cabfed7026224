package io.kustotyped.emulator.queue;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.dm.StorageAccount;
import org.junit.jupiter.api.Test;

/** Every storage call carries a SAS or a Shared Key signature: plain HTTP is only for loopback. */
class StorageRestTest {

    @Test
    void storageOverPlainHttpMustBeLoopback() {
        StorageAccount remote = StorageAccount.parse("AccountName=a;AccountKey=" + StorageAccount.DEV_ACCOUNT_KEY
                + ";BlobEndpoint=http://storage.example.com/a;QueueEndpoint=http://127.0.0.1:1/a;"
                + "TableEndpoint=http://127.0.0.1:2/a");
        var e = assertThrows(IllegalArgumentException.class, () -> new StorageRest(remote));
        assertTrue(e.getMessage().contains("http://storage.example.com/a is plain HTTP"), e.getMessage());
    }
}
