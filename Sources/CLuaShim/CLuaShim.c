#include "CLuaShim.h"
#include "lua_arena.h"
#include "lua_metatables.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Per-state record: memory accounting, the stop flag and the trampoline's pending error. */
typedef struct warden_lua_host {
    size_t used;
    size_t limit;
    int lua_mode;            /* 1 while Lua code (or a protected C call) runs: allocations may fail */
    int refused_once;        /* the last allocation past the limit was refused; Lua retries after a full GC */
    int exceeded;            /* over the limit: the process ends with `memory limit exceeded` */
    int preempted;           /* the last yield came from the hook */
    atomic_int stop;         /* set from any thread to stop the process */
    uint64_t slice_ns;
    uint64_t slice_start;
    void *owner;
    char *error;
    warden_arena arena;      /* the state's small blocks (lua_arena.h) */
} warden_lua_host;

static warden_lua_dispatch_fn dispatch_function;
static warden_lua_release_fn release_function;
/* The registry key of the host objects' metatable (lua_metatables.h). */
static const char object_metatable = 0;
/* The key under which a table (a channel object) holds its host object's userdata. */
static const char handle_key = 0;

void warden_lua_install(warden_lua_dispatch_fn dispatch, warden_lua_release_fn release) {
    dispatch_function = dispatch;
    release_function = release;
}

static warden_lua_host *host_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (warden_lua_host *)ud;
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The extra space of a thread holds 1 for threads the Swift driver runs, 0 for all others. */
static int is_driver(lua_State *L) {
    uintptr_t tag;
    memcpy(&tag, lua_getextraspace(L), sizeof tag);
    return tag == 1;
}

int warden_lua_is_driver(lua_State *L) { return is_driver(L); }

static void *bounded_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    warden_lua_host *h = (warden_lua_host *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        warden_arena_free(&h->arena, ptr, old);
        h->used -= old;
        return NULL;
    }
    if (nsize > old && h->lua_mode && h->refused_once && h->used + (nsize - old) > h->limit - h->limit / 8) {
        /* This is Lua's retry after the full collection a refusal caused, and the collection
         * left the live data within an eighth of the limit: the process is at its limit (going
         * on would run a full collection on nearly every allocation). */
        h->exceeded = 1;
        return NULL;
    }
    if (nsize > old && h->used + (nsize - old) > h->limit) {
        if (h->lua_mode) {
            /* Lua answers a refusal with a full collection and one retry; a second refusal in a
             * row means the live data really is over the limit. */
            if (h->refused_once) h->exceeded = 1;
            h->refused_once = 1;
            return NULL;
        }
        /* Swift is on the stack: Lua must not raise here, so grant the memory and stop the
         * process at its next hook instead. */
        h->exceeded = 1;
    }
    void *block = warden_arena_resize(&h->arena, ptr, osize, nsize);
    if (block == NULL) {
        if (!h->lua_mode) abort(); /* the system itself is out of memory */
        return NULL;
    }
    h->refused_once = 0;
    h->used = h->used - old + nsize;
    return block;
}

lua_State *warden_lua_open(size_t memory_limit, void *owner) {
    warden_lua_host *h = calloc(1, sizeof *h);
    if (h == NULL) return NULL;
    h->limit = memory_limit;
    h->owner = owner;
    h->slice_ns = 5000000u;
    atomic_init(&h->stop, 0);
    warden_arena_init(&h->arena);
    lua_State *L = lua_newstate(bounded_alloc, h);
    if (L == NULL) {
        warden_arena_release(&h->arena);
        free(h);
        return NULL;
    }
    uintptr_t tag = 0;
    memcpy(lua_getextraspace(L), &tag, sizeof tag);
    return L;
}

void warden_lua_close(lua_State *L) {
    warden_lua_host *h = host_of(L);
    lua_close(L);
    warden_arena_release(&h->arena);
    free(h->error);
    free(h);
}

void *warden_lua_owner(lua_State *L) { return host_of(L)->owner; }
void warden_lua_set_owner(lua_State *L, void *owner) { host_of(L)->owner = owner; }
size_t warden_lua_memory_used(lua_State *L) { return host_of(L)->used; }
int warden_lua_memory_exceeded(lua_State *L) { return host_of(L)->exceeded; }
void warden_lua_request_stop(lua_State *L) { atomic_store(&host_of(L)->stop, 1); }
int warden_lua_stop_requested(lua_State *L) { return atomic_load(&host_of(L)->stop); }

int warden_lua_take_preempted(lua_State *L) {
    warden_lua_host *h = host_of(L);
    int preempted = h->preempted;
    h->preempted = 0;
    return preempted;
}

static void preemption_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    warden_lua_host *h = host_of(L);
    int must_stop = atomic_load(&h->stop) || h->exceeded;
    if (is_driver(L) && lua_isyieldable(L)) {
        if (must_stop || now_ns() - h->slice_start >= h->slice_ns) {
            h->preempted = 1;
            lua_yield(L, 0);
        }
        return;
    }
    /* A plain coroutine (or a non-yieldable call) cannot give the thread back; a stopped
     * process is ended by raising until control is back in a driver thread. */
    if (must_stop) luaL_error(L, h->exceeded ? "memory limit exceeded" : "process stopped");
}

void warden_lua_set_preemption(lua_State *L, int instructions, uint64_t slice_ns) {
    host_of(L)->slice_ns = slice_ns;
    lua_sethook(L, preemption_hook, LUA_MASKCOUNT, instructions);
}

static int new_thread_unprotected(lua_State *L) {
    lua_State *co = lua_newthread(L);
    uintptr_t tag = 1;
    memcpy(lua_getextraspace(co), &tag, sizeof tag);
    return 1;
}

lua_State *warden_lua_new_driver_thread(lua_State *L) {
    if (!lua_checkstack(L, 2)) return NULL;
    lua_pushcfunction(L, new_thread_unprotected);
    if (warden_lua_protected_call(L, 0, 1) != LUA_OK) {
        lua_pop(L, 1);
        return NULL;
    }
    return lua_tothread(L, -1);
}

int warden_lua_resume(lua_State *co, lua_State *from, int nargs, int *nresults) {
    warden_lua_host *h = host_of(co);
    int saved = h->lua_mode;
    h->lua_mode = 1;
    h->slice_start = now_ns();
    int status = lua_resume(co, from, nargs, nresults);
    h->lua_mode = saved;
    return status;
}

void warden_lua_set_error(lua_State *L, const char *message) {
    warden_lua_host *h = host_of(L);
    free(h->error);
    h->error = message ? strdup(message) : NULL;
}

/* Pushed last among the values a blocked call resumes with, it makes the call raise the value
 * below it instead of returning (raise_marker's address is the marker). */
static char raise_marker;

void warden_lua_push_raise_marker(lua_State *L) { lua_pushlightuserdata(L, &raise_marker); }

/* Where a host function that blocked continues: it returns what the driver resumed it with (the
 * values above its arguments, `base` of them), or raises the message below a raise marker. */
static int after_block(lua_State *L, int status, lua_KContext base) {
    (void)status;
    int top = lua_gettop(L);
    if (top > (int)base && lua_type(L, top) == LUA_TLIGHTUSERDATA && lua_touserdata(L, top) == &raise_marker) {
        lua_pop(L, 1);
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    return top - (int)base;
}

static int trampoline(lua_State *L) {
    warden_lua_host *h = host_of(L);
    int function_id = (int)lua_tointeger(L, lua_upvalueindex(1));
    int saved = h->lua_mode;
    h->lua_mode = 0;
    int result = dispatch_function(L, function_id);
    h->lua_mode = saved;
    if (result >= 0) return result;
    if (result == WARDEN_LUA_YIELD) return lua_yieldk(L, 0, (lua_KContext)lua_gettop(L), after_block);
    char *message = h->error;
    h->error = NULL;
    luaL_where(L, 1);
    lua_pushstring(L, message ? message : "error in a host function");
    free(message);
    lua_concat(L, 2);
    return lua_error(L);
}

void warden_lua_push_function(lua_State *L, int function_id) {
    lua_pushinteger(L, function_id);
    lua_pushcclosure(L, trampoline, 1);
}

/* The slot of the host object userdata at idx, or NULL for any other value. */
static void **object_slot(lua_State *L, int idx) {
    void **slot = (void **)lua_touserdata(L, idx);
    if (slot == NULL || lua_type(L, idx) != LUA_TUSERDATA) return NULL;
    return warden_lua_has_keyed_metatable(L, idx, &object_metatable) ? slot : NULL;
}

static int release_object(lua_State *L) {
    void **slot = object_slot(L, 1);
    if (slot != NULL && *slot != NULL) {
        void *object = *slot;
        *slot = NULL;
        release_function(object);
    }
    return 0;
}

void warden_lua_push_object(lua_State *L, void *object) {
    void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = object;
    if (warden_lua_keyed_metatable(L, &object_metatable, "warden.object")) {
        lua_pushcfunction(L, release_object);
        lua_setfield(L, -2, "__gc");
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

void *warden_lua_to_object(lua_State *L, int idx) {
    void **slot = object_slot(L, idx);
    return slot ? *slot : NULL;
}

void warden_lua_set_handle(lua_State *L, int idx) { lua_rawsetp(L, idx, &handle_key); }

int warden_lua_get_handle(lua_State *L, int idx) { return lua_rawgetp(L, idx, &handle_key); }

/* load(chunk, name, mode, env) with the mode forced to text. */
static int text_only_load(lua_State *L) {
    int nargs = lua_gettop(L);
    int has_env = nargs >= 4;
    lua_settop(L, 4);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushliteral(L, "t");
    if (has_env) lua_pushvalue(L, 4);
    lua_call(L, has_env ? 4 : 3, LUA_MULTRET);
    return lua_gettop(L) - 4;
}

int warden_lua_call_site(lua_State *co, char *buffer, size_t size) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(co, level, &ar); level++) {
        if (!lua_getinfo(co, "Sl", &ar)) continue;
        /* C functions and stripped chunks (the prelude's pieces) have no line. */
        if (ar.currentline <= 0 || ar.source == NULL || ar.source[0] == '=') continue;
        snprintf(buffer, size, "%s:%d", ar.short_src, ar.currentline);
        return 1;
    }
    return 0;
}

/* collectgarbage("count") only. */
static int count_only_collectgarbage(lua_State *L) {
    const char *option = luaL_optstring(L, 1, "collect");
    if (strcmp(option, "count") != 0)
        return luaL_error(L, "collectgarbage option `%s` is not allowed; hint: only `count` is available", option);
    int kb = lua_gc(L, LUA_GCCOUNT, 0);
    int bytes = lua_gc(L, LUA_GCCOUNTB, 0);
    lua_pushnumber(L, (lua_Number)kb + ((lua_Number)bytes / 1024));
    return 1;
}

/* string.dump makes binary chunks, which nothing here can load: removed when string opens. */
static void open_string(lua_State *L) {
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
}

/* os: the clock and calendar functions only. */
static void open_os_subset(lua_State *L) {
    static const char *const os_kept[] = {"time", "clock", "date", "difftime", NULL};
    luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 0);
    lua_createtable(L, 0, 4);
    for (int i = 0; os_kept[i] != NULL; i++) {
        lua_getfield(L, -2, os_kept[i]);
        lua_setfield(L, -2, os_kept[i]);
    }
    lua_remove(L, -2);
}

/* Opens the standard library `name` (pushes it) when it is one the process may see and is
 * opened lazily; returns 0 (pushing nothing) for any other name. */
static int open_lazy_library(lua_State *L, const char *name) {
    if (strcmp(name, LUA_STRLIBNAME) == 0) open_string(L);
    else if (strcmp(name, LUA_TABLIBNAME) == 0) luaL_requiref(L, name, luaopen_table, 0);
    else if (strcmp(name, LUA_MATHLIBNAME) == 0) luaL_requiref(L, name, luaopen_math, 0);
    else if (strcmp(name, LUA_UTF8LIBNAME) == 0) luaL_requiref(L, name, luaopen_utf8, 0);
    else if (strcmp(name, LUA_COLIBNAME) == 0) luaL_requiref(L, name, luaopen_coroutine, 0);
    else if (strcmp(name, LUA_OSLIBNAME) == 0) open_os_subset(L);
    else return 0;
    return 1;
}

/* __index of the global table: a standard library is opened on its first use and kept as a
 * global; any other name goes to the host's fallback (registry "warden.lazy"), which builds
 * the host's globals (`process`, `channel`, `require`, ...) on first use. */
static int lazy_global(lua_State *L) {
    if (lua_type(L, 2) != LUA_TSTRING) return 0;
    const char *name = lua_tostring(L, 2);
    if (strcmp(name, LUA_COLIBNAME) != 0 && open_lazy_library(L, name)) {
        lua_pushvalue(L, 2);
        lua_pushvalue(L, -2);
        lua_rawset(L, 1);
        return 1;
    }
    if (lua_getfield(L, LUA_REGISTRYINDEX, "warden.lazy") != LUA_TFUNCTION) return 0;
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_call(L, 2, 1);
    return 1;
}

/* __index of strings before the string library is opened: opens it (which installs the real
 * string metatable) and answers the first lookup. */
static int lazy_string_index(lua_State *L) {
    lua_pushglobaltable(L);
    lua_pushliteral(L, LUA_STRLIBNAME);
    if (lua_rawget(L, -2) != LUA_TTABLE) {
        lua_pop(L, 1);
        open_string(L);
        lua_pushliteral(L, LUA_STRLIBNAME);
        lua_pushvalue(L, -2);
        lua_rawset(L, -4);
    }
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    return 1;
}

static int open_safe_unprotected(lua_State *L) {
    /* The global table made with room for the base library's names and the few globals a
     * process adds, so that opening the library does not grow it five times. */
    lua_createtable(L, 0, 32);
    lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    int globals = lua_gettop(L);
    lua_pushnil(L);
    lua_setfield(L, globals, "dofile");
    lua_pushnil(L);
    lua_setfield(L, globals, "loadfile");
    lua_getfield(L, globals, "load");
    lua_pushcclosure(L, text_only_load, 1);
    lua_setfield(L, globals, "load");
    lua_pushcfunction(L, count_only_collectgarbage);
    lua_setfield(L, globals, "collectgarbage");

    /* The other libraries open on first use: most processes touch few of them. */
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, lazy_global);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, globals);

    lua_pushliteral(L, "");
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, lazy_string_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_settop(L, 0);
    return 0;
}

int warden_lua_open_safe_libraries(lua_State *L) {
    if (!lua_checkstack(L, 2)) return LUA_ERRMEM;
    lua_pushcfunction(L, open_safe_unprotected);
    return warden_lua_protected_call(L, 0, 0);
}

static int open_library_unprotected(lua_State *L) {
    const char *name = lua_tostring(L, 1);
    if (name == NULL || !open_lazy_library(L, name)) lua_pushnil(L);
    return 1;
}

int warden_lua_open_library(lua_State *L, const char *name) {
    if (!lua_checkstack(L, 3)) return LUA_ERRMEM;
    lua_pushcfunction(L, open_library_unprotected);
    lua_pushstring(L, name);
    return warden_lua_protected_call(L, 1, 1);
}

int warden_lua_load_binary(lua_State *L, const unsigned char *buffer, size_t length, const char *chunkname) {
    warden_lua_host *h = host_of(L);
    int saved = h->lua_mode;
    h->lua_mode = 1;
    int status = luaL_loadbufferx(L, (const char *)buffer, length, chunkname, "b");
    h->lua_mode = saved;
    return status;
}

typedef struct dump_buffer {
    unsigned char *bytes;
    size_t length;
    size_t capacity;
} dump_buffer;

static int dump_writer(lua_State *L, const void *p, size_t size, void *ud) {
    (void)L;
    dump_buffer *b = (dump_buffer *)ud;
    if (b->length + size > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 1024;
        while (capacity < b->length + size) capacity *= 2;
        unsigned char *grown = realloc(b->bytes, capacity);
        if (grown == NULL) return 1;
        b->bytes = grown;
        b->capacity = capacity;
    }
    memcpy(b->bytes + b->length, p, size);
    b->length += size;
    return 0;
}

unsigned char *warden_lua_dump(lua_State *L, int strip, size_t *length) {
    dump_buffer b = {NULL, 0, 0};
    *length = 0;
    if (lua_type(L, -1) != LUA_TFUNCTION || lua_dump(L, dump_writer, &b, strip) != 0) {
        free(b.bytes);
        return NULL;
    }
    *length = b.length;
    return b.bytes;
}

void warden_lua_free(void *pointer) { free(pointer); }

int warden_lua_load_text(lua_State *L, const char *buffer, size_t length, const char *chunkname) {
    warden_lua_host *h = host_of(L);
    int saved = h->lua_mode;
    h->lua_mode = 1;
    int status = luaL_loadbufferx(L, buffer, length, chunkname, "t");
    h->lua_mode = saved;
    return status;
}

int warden_lua_protected_call(lua_State *L, int nargs, int nresults) {
    warden_lua_host *h = host_of(L);
    int saved = h->lua_mode;
    h->lua_mode = 1;
    int status = lua_pcall(L, nargs, nresults, 0);
    h->lua_mode = saved;
    return status;
}

static int error_report_unprotected(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    const char *message = luaL_tolstring(L, 2, NULL);
    luaL_traceback(L, co, message, 0);
    return 1;
}

int warden_lua_error_report(lua_State *L, lua_State *co) {
    if (!lua_checkstack(L, 4) || !lua_checkstack(co, 2)) return LUA_ERRMEM;
    lua_pushcfunction(L, error_report_unprotected);
    lua_pushthread(co);
    lua_xmove(co, L, 1);
    lua_pushvalue(co, -1);
    lua_xmove(co, L, 1);
    return warden_lua_protected_call(L, 2, 1);
}
