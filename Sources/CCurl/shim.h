#ifndef DOCVERIFY_CCURL_SHIM_H
#define DOCVERIFY_CCURL_SHIM_H

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

/* libcurl is loaded on first use (dlopen), not linked: loading it and the ~30 libraries it
   needs (TLS, Kerberos, LDAP, ...) cost every start of docverify about 5 ms of CPU, a third of
   a `check` of one file, though only `run`, `drift` and `golden` send requests. Every libcurl
   function docverify calls goes through this table; the types and constants still come from
   <curl/curl.h>. */

typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    CURLcode (*easy_perform)(CURL *handle);
    void (*easy_cleanup)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
    /* Why loading failed (dlerror's text), or NULL when every function was found. */
    const char *error;
} docverify_curl_api;

/* The table and its once-flag are a function's statics: Swift's importer emits a header's inline
   functions with their statics into the module that calls them, but not a header's own static
   variables. Only CurlTransfer.swift calls these functions, so there is one table in the process. */
typedef struct {
    docverify_curl_api api;
    pthread_once_t once;
} docverify_curl_state_t;

static inline docverify_curl_state_t *docverify_curl_state(void) {
    static docverify_curl_state_t state = {.once = PTHREAD_ONCE_INIT};
    return &state;
}

#define docverify_curl_table (docverify_curl_state()->api)
#define docverify_curl_once (docverify_curl_state()->once)

static inline void docverify_curl_load(void) {
    /* Debian's libcurl4 (the OpenSSL build, what libcurl4-openssl-dev links) installs this name. */
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        docverify_curl_table.error = why != NULL ? why : "dlopen(\"libcurl.so.4\") failed";
        return;
    }
    docverify_curl_api api = {0};
#define DOCVERIFY_CURL_FIND(field, name) \
    *(void **)(&api.field) = dlsym(library, name); \
    if (api.field == NULL) { docverify_curl_table.error = "libcurl.so.4 lacks " name; return; }
    DOCVERIFY_CURL_FIND(global_init, "curl_global_init")
    DOCVERIFY_CURL_FIND(easy_init, "curl_easy_init")
    DOCVERIFY_CURL_FIND(easy_setopt, "curl_easy_setopt")
    DOCVERIFY_CURL_FIND(easy_getinfo, "curl_easy_getinfo")
    DOCVERIFY_CURL_FIND(easy_perform, "curl_easy_perform")
    DOCVERIFY_CURL_FIND(easy_cleanup, "curl_easy_cleanup")
    DOCVERIFY_CURL_FIND(easy_strerror, "curl_easy_strerror")
    DOCVERIFY_CURL_FIND(slist_append, "curl_slist_append")
    DOCVERIFY_CURL_FIND(slist_free_all, "curl_slist_free_all")
#undef DOCVERIFY_CURL_FIND
    docverify_curl_table = api;
}

/* Loads libcurl (once, thread-safe) and runs curl_global_init; CURLE_FAILED_INIT when libcurl
   could not be loaded (docverify_curl_load_error says why). Call it before any other function
   below, and the others only when it returned CURLE_OK. */
static inline CURLcode docverify_curl_global_init(long flags) {
    pthread_once(&docverify_curl_once, docverify_curl_load);
    if (docverify_curl_table.global_init == NULL || docverify_curl_table.error != NULL) return CURLE_FAILED_INIT;
    return docverify_curl_table.global_init(flags);
}

/* Why libcurl could not be loaded, or NULL. */
static inline const char *docverify_curl_load_error(void) {
    pthread_once(&docverify_curl_once, docverify_curl_load);
    return docverify_curl_table.error;
}

static inline CURL *docverify_curl_easy_init(void) { return docverify_curl_table.easy_init(); }
static inline CURLcode docverify_curl_easy_perform(CURL *handle) { return docverify_curl_table.easy_perform(handle); }
static inline void docverify_curl_easy_cleanup(CURL *handle) { docverify_curl_table.easy_cleanup(handle); }
static inline const char *docverify_curl_easy_strerror(CURLcode code) { return docverify_curl_table.easy_strerror(code); }
static inline struct curl_slist *docverify_curl_slist_append(struct curl_slist *list, const char *line) {
    return docverify_curl_table.slist_append(list, line);
}
static inline void docverify_curl_slist_free_all(struct curl_slist *list) { docverify_curl_table.slist_free_all(list); }

/* curl_easy_setopt / curl_easy_getinfo are C variadic functions, which Swift
   cannot call. These typed wrappers give each argument kind one fixed
   signature; the option number decides which wrapper is the right one. */

/* Callback signatures with names, so Swift sees them as plain C function types. */
typedef size_t (*docverify_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*docverify_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                                curl_off_t ultotal, curl_off_t ulnow);
typedef int (*docverify_curl_seek_callback)(void *userdata, curl_off_t offset, int origin);

static inline CURLcode docverify_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return docverify_curl_table.easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return docverify_curl_table.easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return docverify_curl_table.easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return docverify_curl_table.easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return docverify_curl_table.easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_write_callback(CURL *handle, docverify_curl_data_callback value) {
    return docverify_curl_table.easy_setopt(handle, CURLOPT_WRITEFUNCTION, value);
}

static inline CURLcode docverify_curl_setopt_header_callback(CURL *handle, docverify_curl_data_callback value) {
    return docverify_curl_table.easy_setopt(handle, CURLOPT_HEADERFUNCTION, value);
}

static inline CURLcode docverify_curl_setopt_read_callback(CURL *handle, docverify_curl_data_callback value) {
    return docverify_curl_table.easy_setopt(handle, CURLOPT_READFUNCTION, value);
}

/* Rewinds a body sent through the read callback, when libcurl has to send it again. */
static inline CURLcode docverify_curl_setopt_seek_callback(CURL *handle, docverify_curl_seek_callback value) {
    return docverify_curl_table.easy_setopt(handle, CURLOPT_SEEKFUNCTION, value);
}

/* Progress callback; returning non-zero aborts the transfer (used for task cancellation). */
static inline CURLcode docverify_curl_setopt_xferinfo_callback(CURL *handle, docverify_curl_xferinfo_callback value) {
    return docverify_curl_table.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode docverify_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return docverify_curl_table.easy_getinfo(handle, info, value);
}

static inline CURLcode docverify_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return docverify_curl_table.easy_getinfo(handle, info, value);
}

static inline CURLcode docverify_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return docverify_curl_table.easy_getinfo(handle, info, value);
}

static inline CURLcode docverify_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return docverify_curl_table.easy_getinfo(handle, info, value);
}

#endif
