package org.astroruntime.query.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR range of IPv4 or IPv6 addresses, e.g. {@code 10.0.0.0/8} or {@code fe80::/10}.
 *
 * @param network the network's address bytes
 * @param bits    the prefix length
 * @param text    the range as configured
 */
record AddressRange(byte[] network, int bits, String text) {

    static AddressRange parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("address range '" + s + "' needs a /prefix length");
        }
        // Only literal addresses are accepted, so parsing never asks DNS.
        if (!s.substring(0, slash).matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("address range '" + s + "' is not a literal address");
        }
        try {
            byte[] network = InetAddress.getByName(s.substring(0, slash)).getAddress();
            int bits = Integer.parseInt(s.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("address range '" + s + "' has an impossible prefix length");
            }
            return new AddressRange(network, bits, s);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("address range '" + s + "' cannot be read", e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
