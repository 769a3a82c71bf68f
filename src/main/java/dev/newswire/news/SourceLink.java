package dev.newswire.news;

/**
 * Another outlet that covered the same story.
 *
 * @param name display name of the outlet
 * @param url  link to its version of the story
 */
public record SourceLink(String name, String url) {

  public SourceLink {
    name = name == null ? "" : name;
    url = url == null ? "" : url;
  }
}
