package dev.cfsign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.ViewerRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wildcard matching per the CloudFront Developer Guide (custom policy "Resource", docs/cloudfront-rules.md §1.4). */
class ResourceMatcherTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # Guide: '*' within a section
        https://www.example.com/hello*world           | https://www.example.com/helloworld                  | true
        https://www.example.com/hello*world           | https://www.example.com/hello-world                 | true
        https://www.example.com/hello*world           | https://www.example.com/hello/world                 | true
        https://www.example.com/hello*world           | https://www.example.net/hello-world                 | false
        # a wildcard does not cross from path into query
        https://www.example.com/hello*world           | https://www.example.com/hello?world                 | false
        # Guide example: *game_download.zip* (trailing * in path implies * in query)
        http://d111111abcdef8.cloudfront.net/*game_download.zip* | http://d111111abcdef8.cloudfront.net/game_download.zip                  | true
        http://d111111abcdef8.cloudfront.net/*game_download.zip* | http://d111111abcdef8.cloudfront.net/example_game_download.zip?license=yes | true
        http://d111111abcdef8.cloudfront.net/*game_download.zip* | http://d111111abcdef8.cloudfront.net/test_game_download.zip?license=temp   | true
        http://example.com/hello*                     | http://example.com/hello?x=1                        | true
        http://example.com/hello*                     | http://example.com/hello                            | true
        http://example.com/hello                      | http://example.com/hello?x=1                        | false
        https://d.net/*.jpg                           | https://d.net/a/b.jpg                               | true
        https://d.net/*.jpg                           | https://d.net/a/b.jpg?x=1                           | false
        # '\\?' is the literal query separator
        http://example.com/horizon.jpg\\?size=large&license=yes | http://example.com/horizon.jpg?size=large&license=yes | true
        http://example.com/horizon.jpg\\?size=*       | http://example.com/horizon.jpg?size=small           | true
        http://example.com/horizon.jpg\\?size=*       | http://example.com/horizon.jpg?color=red            | false
        https://d.net/x\\?*                            | https://d.net/x                                     | true
        # unescaped '?' as SDKs write it: separator, or one-character wildcard
        http://example.com/horizon.jpg?size=large     | http://example.com/horizon.jpg?size=large           | true
        http://example.com/horizon.jpg?size=large     | http://example.com/horizon.jpg?size=small           | false
        http://example.com/fil?.jpg                   | http://example.com/file.jpg                         | true
        http://example.com/fil?.jpg                   | http://example.com/fi.jpg                           | false
        http://example.com/fil?.jpg                   | http://example.com/files.jpg                        | false
        # trailing '*' in the domain implies */*\\?*
        http://*                                      | http://d111111abcdef8.cloudfront.net/training/orientation.pdf | true
        http://*                                      | https://d111111abcdef8.cloudfront.net/training/orientation.pdf | false
        https://cdn.exa*                              | https://cdn.example.com/a/b?c=1                     | true
        https://cdn.exa*                              | https://www.example.com/a                           | false
        # protocol wildcard and protocol omitted
        *://d.net/a                                   | http://d.net/a                                      | true
        *://d.net/a                                   | https://d.net/a                                     | true
        http*://d.net/a                               | https://d.net/a                                     | true
        *example.com                                  | https://www.example.com/                            | true
        *example.com                                  | http://example.com/                                 | true
        *example.com                                  | https://www.example.com/a                           | false
        *example.com/*                                | https://www.example.com/a/b                         | true
        d.net/a                                       | https://d.net/a                                     | false
        # '*' alone matches everything
        *                                             | https://anything.example/at/all?x=1                 | true
        # domain section
        https://*.example.com/*                       | https://cdn.example.com/a/b?c=d                     | true
        https://*.example.com/*                       | https://cdn.example.org/a                           | false
        https://d.n?t/x                               | https://d.net/x                                     | true
        https://D.NET/a                               | https://d.net/a                                     | true
        # path section: exact, case-sensitive, percent-encoded form
        https://d.net/a/*                             | https://d.net/b/x                                   | false
        https://d.net/a/*                             | https://d.net/a/                                    | true
        https://d.net/A                               | https://d.net/a                                     | false
        https://d.net/a%20b                           | https://d.net/a%20b                                 | true
        https://d.net/a b                             | https://d.net/a%20b                                 | false
        https://d.net:8443/x                          | https://d.net:8443/x                                | true
        https://d.net/x                               | https://d.net:8443/x                                | false
        """)
    void matches_guideTable_expected(String pattern, String url, boolean expected) {
        ViewerRequest r = ViewerRequest.of(url);

        boolean actual = ResourceMatcher.matches(pattern, r.scheme(), r.authority(), r.rawPath(), r.rawQuery().orElse(null));

        assertThat(actual).isEqualTo(expected);
    }
}
