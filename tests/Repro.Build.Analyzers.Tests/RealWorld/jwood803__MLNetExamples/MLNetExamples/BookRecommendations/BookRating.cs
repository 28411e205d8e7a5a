using System;
using System.Collections.Generic;
using System.Text;

namespace BookRecommendations
{
    public class BookRating
    {
        public float Label;

        public float user;

        public float bookid;
    }
}
