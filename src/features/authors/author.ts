// Authors: the people in bylines, each with the title shown after their name.

export interface Author {
  id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
  photoUrl: string;
  userId: number | null;
}

/** The short form used in bylines and lists. */
export interface AuthorRef {
  id: number;
  slug: string;
  name: string;
  title: string;
}
