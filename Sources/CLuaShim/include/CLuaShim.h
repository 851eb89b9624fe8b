#ifndef WARDEN_CLUASHIM_H
#define WARDEN_CLUASHIM_H

/*
 * The C side of Warden's Lua host.
 *
 * Lua raises errors with longjmp, which must never cross a Swift frame. Every Lua-callable
 * function implemented in Swift is therefore entered through a C trampoline: the trampoline
 * calls the Swift dispatcher, and only after the Swift frame has returned does it raise
 * (lua_error) or yield (lua_yield) as the dispatcher asked. While Swift code runs, the
 * allocator never refuses memory (it records the overdraft instead), so the allocating Lua API
 * calls Swift makes (pushing strings, creating tables) cannot raise either; the process is then
 * stopped with `memory limit exceeded` at its next instruction-count hook.
 */

#include <stddef.h>
#include <stdint.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

/* Dispatcher results besides a result count >= 0. */
#define WARDEN_LUA_RAISE (-1) /* raise the message set with warden_lua_set_error */
#define WARDEN_LUA_YIELD (-2) /* yield the running coroutine; the driver resumes it */

/* The Swift function behind every trampoline: the state and the function's id. */
typedef int (*warden_lua_dispatch_fn)(lua_State *L, int function_id);
/* Releases an object reference held by a userdata (called from __gc). */
typedef void (*warden_lua_release_fn)(void *object);

/* Installs the Swift dispatcher and release function (once per program). */
void warden_lua_install(warden_lua_dispatch_fn dispatch, warden_lua_release_fn release);

/* A new state whose allocations are bounded by memory_limit bytes; NULL when out of memory.
 * owner is an opaque pointer the Swift side reads back with warden_lua_owner. */
lua_State *warden_lua_open(size_t memory_limit, void *owner);
/* Closes the state and frees its host record. */
void warden_lua_close(lua_State *L);
/* Replaces the owner pointer. */
void warden_lua_set_owner(lua_State *L, void *owner);
/* The owner pointer given to warden_lua_open. */
void *warden_lua_owner(lua_State *L);
/* Bytes currently allocated by the state. */
size_t warden_lua_memory_used(lua_State *L);
/* Whether the state went over its memory limit. */
int warden_lua_memory_exceeded(lua_State *L);
/* Asks the hook to stop the process (safe from any thread). */
void warden_lua_request_stop(lua_State *L);
/* Whether a stop was requested. */
int warden_lua_stop_requested(lua_State *L);
/* Whether the last yield of a driver thread came from the preemption hook. */
int warden_lua_take_preempted(lua_State *L);

/* Installs the instruction-count hook (inherited by threads created afterwards): every
 * `instructions` VM instructions it checks for a stop request and, once `slice_ns` nanoseconds
 * have passed since the driver resumed, yields a driver thread. */
void warden_lua_set_preemption(lua_State *L, int instructions, uint64_t slice_ns);

/* Creates a coroutine the Swift driver runs (pushed on L's stack); NULL when out of memory. */
lua_State *warden_lua_new_driver_thread(lua_State *L);
/* Whether L is a thread the Swift driver runs (not a plain Lua coroutine). */
int warden_lua_is_driver(lua_State *L);
/* Resumes a driver thread; Lua code may raise and allocations may fail while it runs. */
int warden_lua_resume(lua_State *co, lua_State *from, int nargs, int *nresults);

/* Writes `chunk:line` of the innermost frame of the suspended (or running) coroutine `co`
 * that runs Lua code of a chunk other than the host's prelude, NUL-terminated and cut to
 * `size` bytes; returns 0 when there is no such frame (nothing is written then). */
int warden_lua_call_site(lua_State *co, char *buffer, size_t size);

/* Pushes the marker that, pushed last among the values a blocked host function resumes with,
 * makes that function raise the value below it (a string) at its caller's line. */
void warden_lua_push_raise_marker(lua_State *L);
/* Sets the message the trampoline raises after a WARDEN_LUA_RAISE return. */
void warden_lua_set_error(lua_State *L, const char *message);
/* Pushes the Lua function that calls Swift function `function_id` through the trampoline. */
void warden_lua_push_function(lua_State *L, int function_id);
/* Pops a value into the hidden handle field of the table at idx (a key Lua code cannot name). */
void warden_lua_set_handle(lua_State *L, int idx);
/* Pushes the hidden handle field of the table at idx and returns its type. */
int warden_lua_get_handle(lua_State *L, int idx);
/* Pushes a userdata holding `object` (already retained); its __gc calls release. */
void warden_lua_push_object(lua_State *L, void *object);
/* The object of the userdata at idx, or NULL when it is not one of ours. */
void *warden_lua_to_object(lua_State *L, int idx);

/* Opens the safe standard library (spec: no io, os.execute, debug, binary load, ...): the
 * base functions now, the others (string, table, math, utf8, os) on their first use through
 * the global table's __index, whose other names go to the function stored in the registry as
 * "warden.lazy". Returns a Lua status; on failure the message is on the stack. */
int warden_lua_open_safe_libraries(lua_State *L);
/* Pushes the safe standard library `name` (coroutine, string, table, math, utf8, os), opened
 * now, or nil for another name. Returns a Lua status. */
int warden_lua_open_library(lua_State *L, const char *name);
/* Loads a binary chunk made by warden_lua_dump (the host's own code only; Lua code can load
 * text chunks only); pushes the function or a message. */
int warden_lua_load_binary(lua_State *L, const unsigned char *buffer, size_t length, const char *chunkname);
/* The bytecode of the function on top of the stack (debug information dropped when strip is
 * 1), in a buffer to release with warden_lua_free; NULL when it cannot be dumped. */
unsigned char *warden_lua_dump(lua_State *L, int strip, size_t *length);
/* Releases a buffer returned by warden_lua_dump. */
void warden_lua_free(void *pointer);
/* Loads a text chunk (binary chunks are refused); pushes the function or a message. */
int warden_lua_load_text(lua_State *L, const char *buffer, size_t length, const char *chunkname);
/* Runs the function below nargs arguments in protected mode; pushes nresults or a message. */
int warden_lua_protected_call(lua_State *L, int nargs, int nresults);
/* Pushes onto L the text of co's error value (its __tostring when it has one) followed by
 * co's traceback. Returns a Lua status. */
int warden_lua_error_report(lua_State *L, lua_State *co);

/* Pushes an error value: a table {_kind, _message} whose metatable (made on first use) gives
 * it `:kind()`, `:message()`, `tostring` and `..`. */
void warden_lua_push_error(lua_State *L, const char *kind, const char *message, size_t message_length);
/* Whether the value at idx is an error value made by warden_lua_push_error. */
int warden_lua_is_error(lua_State *L, int idx);
/* Pushes the metatable of message objects (made on first use):
 * `msg:topic()`, `msg:from()`, `msg:payload():data()` over the message's array part
 * (1 topic, 2 sender, 3 payload count, then the payload values). */
void warden_lua_push_message_metatable(lua_State *L);
/* Pushes the metatable of channel objects; returns 1 when it was made now (holding only
 * `__name`, for the caller to add the methods) and 0 when it already existed. */
int warden_lua_channel_metatable(lua_State *L);
/* `ch:case_receive()` and `ch:case_send(v)`: the cases channel.select takes. */
int warden_lua_case_receive(lua_State *L);
int warden_lua_case_send(lua_State *L);

#endif
