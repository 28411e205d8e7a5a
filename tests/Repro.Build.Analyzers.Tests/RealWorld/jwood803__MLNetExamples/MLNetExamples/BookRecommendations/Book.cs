using System;
using System.Collections.Generic;
using System.Text;

namespace BookRecommendations
{
    public class Book
    {
        public int BookId { get; set; }
        public string BookTitle { get; set; }
        public string Author { get; set; }
        public string Genre1 { get; set; }
        public string Genre2 { get; set; }
    }
}
