package org.astroruntime.vospace.login;

/** An account with that user name exists already. */
public class DuplicateAccountException extends Exception {

    public DuplicateAccountException(String username) {
        super("an account named '" + username + "' exists already");
    }
}
