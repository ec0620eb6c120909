package dev.troupe.users;

import dev.troupe.support.RealServers;

@RealServers
class UsersApiRealIT extends UsersApiContract {
}
