#include "CLuaShim.h"
#include "lua_metatables.h"

/*
 * The host's small objects whose methods need nothing from Swift: error values, messages and
 * their payloads, and channel cases. Their metatables are made in a state on first use and kept
 * in the registry; their methods are C functions, so a process that uses them loads no Lua
 * prototype for them. These functions run as Lua C functions (never below a Swift frame), so
 * they may raise.
 */

/* The registry keys of the metatables (lua_metatables.h). */
static const char error_metatable = 0;
static const char message_metatable = 0;
static const char payload_metatable = 0;
static const char channel_metatable = 0;

int warden_lua_keyed_metatable(lua_State *L, const void *key, const char *shown) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) != LUA_TNIL) return 0;
    lua_pop(L, 1);
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, key);
    lua_pushstring(L, shown);
    lua_setfield(L, -2, "__name");
    return 1;
}

int warden_lua_has_keyed_metatable(lua_State *L, int idx, const void *key) {
    if (!lua_getmetatable(L, idx)) return 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, key);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same;
}

/* Pushes the metatable registered under `key`, made the first time with `__name = shown` (what
 * Lua's messages call such a value), `__index = methods` and the `extra` metamethods. */
static void push_metatable(lua_State *L, const void *key, const char *shown, const luaL_Reg *methods,
                           const luaL_Reg *extra) {
    if (warden_lua_keyed_metatable(L, key, shown)) {
        lua_newtable(L);
        luaL_setfuncs(L, methods, 0);
        lua_setfield(L, -2, "__index");
        if (extra != NULL) luaL_setfuncs(L, extra, 0);
    }
}

/* The field `key` of the table argument 1, raising the usual message for anything else. */
static void table_field(lua_State *L, const char *what, const char *key) {
    if (lua_type(L, 1) != LUA_TTABLE) luaL_error(L, "%s method called without its object; hint: use `obj:method()`", what);
    lua_pushstring(L, key);
    lua_rawget(L, 1);
}

static int error_kind(lua_State *L) {
    table_field(L, "error", "_kind");
    return 1;
}

static int error_message(lua_State *L) {
    table_field(L, "error", "_message");
    return 1;
}

static int error_tostring(lua_State *L) {
    table_field(L, "error", "_message");
    if (lua_type(L, -1) != LUA_TSTRING) lua_pushliteral(L, "error");
    return 1;
}

static int error_concat(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    luaL_tolstring(L, 2, NULL);
    lua_concat(L, 2);
    return 1;
}

static const luaL_Reg error_methods[] = {{"kind", error_kind}, {"message", error_message}, {NULL, NULL}};
static const luaL_Reg error_metamethods[] = {{"__tostring", error_tostring}, {"__concat", error_concat}, {NULL, NULL}};

void warden_lua_push_error(lua_State *L, const char *kind, const char *message, size_t message_length) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "_kind");
    lua_pushlstring(L, message, message_length);
    lua_setfield(L, -2, "_message");
    push_metatable(L, &error_metatable, "error", error_methods, error_metamethods);
    lua_setmetatable(L, -2);
}

int warden_lua_is_error(lua_State *L, int idx) {
    return lua_type(L, idx) == LUA_TTABLE && warden_lua_has_keyed_metatable(L, idx, &error_metatable);
}

/* A message keeps its fields in the array part: 1 topic, 2 sender, 3 payload count, then the
 * payload values from 4 on (no table of their own). */
static int message_topic(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_rawgeti(L, 1, 1);
    return 1;
}

static int message_from(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_rawgeti(L, 1, 2);
    return 1;
}

/* A payload object is {message}: `data()` returns the message's payload values. */
static int payload_data(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_rawgeti(L, 1, 1) != LUA_TTABLE) return 0;
    int message = lua_gettop(L);
    lua_rawgeti(L, message, 3);
    lua_Integer count = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (count <= 0) return 0;
    if (count > 1000000) return luaL_error(L, "payload of %I values too large to unpack", (LUAI_UACINT)count);
    luaL_checkstack(L, (int)count, "payload too large to unpack");
    for (lua_Integer i = 1; i <= count; i++) lua_rawgeti(L, message, 3 + i);
    return (int)count;
}

static const luaL_Reg payload_methods[] = {{"data", payload_data}, {NULL, NULL}};

static int message_payload(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_createtable(L, 1, 0);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, 1);
    push_metatable(L, &payload_metatable, "payload", payload_methods, NULL);
    lua_setmetatable(L, -2);
    return 1;
}

static const luaL_Reg message_methods[] = {
    {"topic", message_topic}, {"from", message_from}, {"payload", message_payload}, {NULL, NULL}};

void warden_lua_push_message_metatable(lua_State *L) { push_metatable(L, &message_metatable, "message", message_methods, NULL); }

/* Channel cases for channel.select: {_channel = ch, _send = false} and {..., _value = v}. */
static int channel_case(lua_State *L, int sending) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "_channel");
    lua_pushboolean(L, sending);
    lua_setfield(L, -2, "_send");
    if (sending) {
        lua_pushvalue(L, 2);
        lua_setfield(L, -2, "_value");
    }
    return 1;
}

int warden_lua_case_receive(lua_State *L) { return channel_case(L, 0); }

int warden_lua_case_send(lua_State *L) { return channel_case(L, 1); }

int warden_lua_channel_metatable(lua_State *L) { return warden_lua_keyed_metatable(L, &channel_metatable, "channel"); }
