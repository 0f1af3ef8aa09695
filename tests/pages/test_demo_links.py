"""Legacy content boxes whose links read only "More" or "here" get a name that says where they go."""

from apps.pages.demo import describe_vague_links


def test_a_here_link_is_named_after_the_heading_before_it():
    html = '<h2>Community Survey</h2><p>Fill out the survey <a href="/community/survey">here</a>.</p>'
    assert describe_vague_links(html).endswith(
        '<a href="/community/survey">here<span class="visually-hidden">: Community Survey</span></a>.</p>'
    )


def test_a_more_link_takes_its_title():
    html = '<p><a href="/blogs/" title="PSF News">More</a></p>'
    assert '<span class="visually-hidden">: PSF News</span>' in describe_vague_links(html)


def test_a_link_that_already_says_where_it_goes_is_left_alone():
    html = '<h2>News</h2><p><a href="/blogs/">All the news</a></p>'
    assert describe_vague_links(html) == html


def test_a_title_that_repeats_the_link_text_is_not_read_twice():
    html = '<p><a href="/about/apps/" title="More Applications">More</a></p>'
    assert '>More<span class="visually-hidden"> Applications</span></a>' in describe_vague_links(html)
