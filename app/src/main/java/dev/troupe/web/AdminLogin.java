package dev.troupe.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin login of the console and the captured mail. There is no default password: with none
 * configured, what needs the admin answers only requests from this machine.
 *
 * @param user     the admin's name
 * @param password the admin's password; unset, no login is possible
 */
@ConfigurationProperties("troupe.admin")
public record AdminLogin(@DefaultValue("admin") String user, String password) {

    public boolean configured() {
        return password != null && !password.isBlank();
    }
}
