package io.kustotyped.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpTest {

    @Test
    void percentEncodesEverythingButUnreserved() {
        assertEquals("My%20Db", Http.percentEncode("My Db"));
        assertEquals("a-b.c_d~e", Http.percentEncode("a-b.c_d~e"));
        assertEquals("T%2F1%3F%26%3D%23%25%2B", Http.percentEncode("T/1?&=#%+"));
        assertEquals("%C3%A9%E2%98%83", Http.percentEncode("é☃"));
    }

    @Test
    void loopbackIsDecidedFromLiteralsOnly() {
        assertTrue(Http.isLoopback("localhost"));
        assertTrue(Http.isLoopback("LOCALHOST"));
        assertTrue(Http.isLoopback("127.0.0.1"));
        assertTrue(Http.isLoopback("127.255.0.9"));
        assertTrue(Http.isLoopback("[::1]"));
        assertTrue(Http.isLoopback("::1"));
        assertFalse(Http.isLoopback("128.0.0.1"));
        assertFalse(Http.isLoopback("10.0.0.1"));
        assertFalse(Http.isLoopback("localhost.example.com"));
        assertFalse(Http.isLoopback("127.0.0.1.nip.io"));
        assertFalse(Http.isLoopback("mycluster.kusto.windows.net"));
        assertFalse(Http.isLoopback(""));
    }
}
