#ifndef WARDEN_LUA_METATABLES_H
#define WARDEN_LUA_METATABLES_H

#include <lua.h>

/*
 * Metatables kept in the registry under an address instead of a name (what luaL_newmetatable
 * and luaL_testudata do by name): a lookup hashes no string, which matters on the paths every
 * message and call takes.
 */

/* Pushes the metatable registered under `key`; returns 1 when it was made now (holding only
 * `__name = shown`, for the caller to fill) and 0 when it already existed. */
int warden_lua_keyed_metatable(lua_State *L, const void *key, const char *shown);
/* Whether the value at idx has the metatable registered under `key`. */
int warden_lua_has_keyed_metatable(lua_State *L, int idx, const void *key);

#endif
