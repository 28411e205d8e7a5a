using System;
using System.Collections.Generic;
using System.Text;

namespace BookRecommendations
{
    public class BookRatingPrediction
    {
        public float Label;

        public float Score;
    }
}
