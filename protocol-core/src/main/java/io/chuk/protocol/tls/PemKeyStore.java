package io.chuk.protocol.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the original's {@code ssl_cert} / {@code ssl_key} PEM files into an in-memory key store
 * for the JDK's TLS, with no extra libraries. Accepts a certificate chain PEM, and an unencrypted
 * private key in PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA, EC or EdDSA) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) form; anything else gets a message saying how to convert it.
 */
public final class PemKeyStore {

    /** The in-memory store's password; it never leaves the process. */
    public static final char[] PASSWORD = "chuk".toCharArray();
    /** The alias of the server key in the store. */
    public static final String ALIAS = "server";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeyStore() {
    }

    /**
     * Loads the certificate chain and key.
     *
     * @throws IOException with a message fit for a configuration error
     */
    public static KeyStore load(Path certificateFile, Path keyFile) throws IOException {
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("the key in " + keyFile + " does not fit the certificate in " + certificateFile
                    + ": " + e.getMessage(), e);
        }
    }

    /** The certificate chain in {@code file}; the exception's message is fit for a configuration error. */
    public static List<Certificate> certificates(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            if (certificates.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return List.copyOf(certificates);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The private key in {@code file}; the exception's message is fit for a configuration error. */
    public static PrivateKey privateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String type = matcher.group(1);
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            switch (type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(der, file);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(rsaPkcs1ToPkcs8(der), file);
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IOException(file + " holds an encrypted key; decrypt it with "
                        + "'openssl pkcs8 -in " + file + " -nocrypt -topk8 -out key.pem'");
                case "EC PRIVATE KEY" -> throw new IOException(file + " holds a SEC1 EC key; convert it with "
                        + "'openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem'");
                default -> {
                    // parameters or certificates may share the file; keep looking
                }
            }
        }
        throw new IOException(file + " holds no PEM private key (expected BEGIN PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws IOException {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + " holds a private key of an unsupported kind");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL). */
    private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
            0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = derElement(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return derElement(0x30, body);
    }

    private static byte[] derElement(int tag, byte[] content) {
        int length = content.length;
        byte[] header;
        if (length < 0x80) {
            header = new byte[] {(byte) tag, (byte) length};
        } else if (length < 0x100) {
            header = new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        } else if (length < 0x10000) {
            header = new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        } else {
            header = new byte[] {(byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
        }
        byte[] element = new byte[header.length + length];
        System.arraycopy(header, 0, element, 0, header.length);
        System.arraycopy(content, 0, element, header.length, length);
        return element;
    }
}
