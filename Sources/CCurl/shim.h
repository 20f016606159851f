#ifndef DOCVERIFY_CCURL_SHIM_H
#define DOCVERIFY_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt / curl_easy_getinfo are C variadic functions, which Swift
   cannot call. These typed wrappers give each argument kind one fixed
   signature; the option number decides which wrapper is the right one. */

/* Callback signatures with names, so Swift sees them as plain C function types. */
typedef size_t (*docverify_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*docverify_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                                curl_off_t ultotal, curl_off_t ulnow);
typedef int (*docverify_curl_seek_callback)(void *userdata, curl_off_t offset, int origin);

static inline CURLcode docverify_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docverify_curl_setopt_write_callback(CURL *handle, docverify_curl_data_callback value) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, value);
}

static inline CURLcode docverify_curl_setopt_header_callback(CURL *handle, docverify_curl_data_callback value) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, value);
}

static inline CURLcode docverify_curl_setopt_read_callback(CURL *handle, docverify_curl_data_callback value) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, value);
}

/* Rewinds a body sent through the read callback, when libcurl has to send it again. */
static inline CURLcode docverify_curl_setopt_seek_callback(CURL *handle, docverify_curl_seek_callback value) {
    return curl_easy_setopt(handle, CURLOPT_SEEKFUNCTION, value);
}

/* Progress callback; returning non-zero aborts the transfer (used for task cancellation). */
static inline CURLcode docverify_curl_setopt_xferinfo_callback(CURL *handle, docverify_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode docverify_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docverify_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docverify_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docverify_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
