using System;
using System.Collections.Generic;
using System.Text;

namespace ExpressionTransform
{
    public class SalaryInput
    {
        public float YearsExperience;

        public bool IsManager;

        public string Title;

        public int NumberOfTeamsManaged;
    }
}
