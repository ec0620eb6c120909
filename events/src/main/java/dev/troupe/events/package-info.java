/**
 * The user-management system's contract on the wire, the seed's: commands ({@link CreateUser},
 * {@link DeleteUser}), the users service's events ({@link UserCreated}, {@link UserDeleted} and
 * the rejections), and the status request/reply ({@link UserStatusQuery}, answered by
 * {@link UserStatus} or {@link UserStatuses}), with their routes ({@link UserRoutes}).
 * <p>
 * The JSON is the contract's: snake_case ({@code user_id}, {@code occurred_at}) whatever the
 * reading application's own naming, and a field the reader does not know is ignored. It evolves by
 * adding optional fields, which older readers ignore and newer readers find absent (null) in older
 * messages; a change that would break either (a field renamed, removed or made required, a meaning
 * changed) is a new event type with a routing key of its own.
 */
package dev.troupe.events;
