package dev.troupe.users;

class UsersApiIT extends UsersApiContract {
}
