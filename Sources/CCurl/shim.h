#ifndef RHYTHM_CCURL_SHIM_H
#define RHYTHM_CCURL_SHIM_H

#include <curl/curl.h>

/* Swift cannot call C variadic functions, so each argument type of curl_easy_setopt and
   curl_easy_getinfo gets one fixed-signature wrapper. */

typedef size_t (*rhythm_curl_data_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode rhythm_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode rhythm_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode rhythm_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode rhythm_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode rhythm_curl_setopt_callback(CURL *handle, CURLoption option,
                                                   rhythm_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode rhythm_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode rhythm_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode rhythm_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
